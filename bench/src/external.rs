//! The JSON files shared with `bench/cpython_numba.py`.
//!
//! The harness writes `cases.json`: every case's arguments as a
//! specification (the generator of [`crate::cases::Lcg`], its seeds and
//! bounds), and the C reference's result as a digest
//! ([`Outcome::digest`]). The script builds the same arguments from it,
//! runs each kernel under CPython and Numba, checks both against that
//! digest, and writes `cpython_numba.json`, which the harness reads to add
//! two columns. Nothing in either file depends on the machine but the
//! script's timings.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use serde_json::{Value as Json, json};

use crate::cases::{Case, Fill, Outcome, ParamSpec};

/// The cases file's name, in `bench/`.
pub const CASES_FILE: &str = "cases.json";

/// The script's results file's name, in `bench/`.
pub const PYTHON_FILE: &str = "cpython_numba.json";

/// `cases.json` for `cases` and the C reference's outcome of each (by
/// case id).
pub fn cases_json(cases: &[Case], reference: &BTreeMap<&str, Outcome>) -> String {
    let cases: Vec<Json> = cases
        .iter()
        .map(|case| {
            let params: Vec<Json> = case.params.iter().map(param_json).collect();
            let outcome = reference.get(case.id);
            json!({
                "id": case.id,
                "function": case.function,
                "size": case.size,
                "mutates_inputs": case.mutates_inputs,
                "params": params,
                "reference": outcome.map(|o| json!({
                    "ret": o.ret.key(),
                    "sha256": o.digest(),
                })),
            })
        })
        .collect();
    let file = json!({
        "about": "Written by `cargo run --release -p pyjit-bench`; read by bench/cpython_numba.py.",
        "generator": "state = (state * 6364136223846793005 + 1442695040888963407) mod 2**64, \
                      starting from the seed; each draw u = (state >> 11) / 2**53; an element is \
                      lo + (hi - lo) * u in float64, then converted to the dtype",
        "digest": "sha256 of the return value's key (none, int:N, float:16 hex digits of the \
                   bits), a newline, then the bytes of each array argument after the call, in \
                   argument order",
        "cases": cases,
    });
    let mut text = serde_json::to_string_pretty(&file).expect("JSON values serialize");
    text.push('\n');
    text
}

fn param_json(spec: &ParamSpec) -> Json {
    match spec {
        ParamSpec::Array { dtype, shape, fill } => {
            let fill = match fill {
                Fill::Zeros => json!("zeros"),
                Fill::Uniform { lo, hi, seed } => {
                    json!({"uniform": {"lo": lo, "hi": hi, "seed": seed}})
                }
            };
            json!({"array": {"dtype": dtype.name(), "shape": shape, "fill": fill}})
        }
        ParamSpec::Int(v) => json!({ "int": v }),
        ParamSpec::Float(v) => json!({ "float": v }),
        ParamSpec::Float32(v) => json!({ "float32": f64::from(*v) }),
    }
}

/// One Python implementation's result on one case.
#[derive(Clone, Debug, PartialEq)]
pub struct PythonResult {
    /// The median time of one call.
    pub median: Duration,
    /// The digest of what the call left ([`Outcome::digest`]).
    pub digest: String,
}

/// What `cpython_numba.json` holds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PythonResults {
    /// Where it was measured: the machine, Python, NumPy and Numba.
    pub machine: String,
    /// CPython's results by case id.
    pub cpython: BTreeMap<String, PythonResult>,
    /// Numba's results by case id.
    pub numba: BTreeMap<String, PythonResult>,
}

/// Read `cpython_numba.json`; `Ok(None)` when there is none.
pub fn read_python_results(path: &Path) -> Result<Option<PythonResults>, String> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    parse_python_results(&text)
        .map(Some)
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// Parse the text of `cpython_numba.json`.
pub fn parse_python_results(text: &str) -> Result<PythonResults, String> {
    let json: Json = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let mut results = PythonResults {
        machine: json["machine"].as_str().unwrap_or("unknown").to_owned(),
        ..PythonResults::default()
    };
    let cases = json["cases"]
        .as_object()
        .ok_or("no `cases` object".to_owned())?;
    for (id, case) in cases {
        for (column, map) in [
            ("cpython", &mut results.cpython),
            ("numba", &mut results.numba),
        ] {
            let entry = &case[column];
            if entry.is_null() {
                continue;
            }
            let seconds = entry["median_s"]
                .as_f64()
                .ok_or_else(|| format!("{id}.{column}: no `median_s`"))?;
            let digest = entry["sha256"]
                .as_str()
                .ok_or_else(|| format!("{id}.{column}: no `sha256`"))?;
            map.insert(
                id.clone(),
                PythonResult {
                    median: Duration::from_secs_f64(seconds),
                    digest: digest.to_owned(),
                },
            );
        }
    }
    Ok(results)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_results_parse() {
        let text = r#"{"machine": "m", "cases": {
            "dot": {"cpython": {"median_s": 0.5, "sha256": "ab"},
                    "numba": {"median_s": 0.001, "sha256": "ab"}},
            "fib": {"cpython": {"median_s": 2.0, "sha256": "cd"}, "numba": null}}}"#;
        let results = parse_python_results(text).expect("valid");
        assert_eq!(results.machine, "m");
        assert_eq!(results.cpython["fib"].median, Duration::from_secs(2));
        assert_eq!(results.numba["dot"].digest, "ab");
        assert!(!results.numba.contains_key("fib"));
    }
}
