//! `pyjit-bench`: every kernel of the suite on every implementation, in
//! one process; writes `RESULTS.md`, the chart beside it, and
//! `bench/cases.json` for `bench/cpython_numba.py`.
//!
//! ```text
//! cargo run --release -p pyjit-bench -- [--quick] [--only k1,k2] [--out bench/RESULTS.md]
//!                                       [--ref-c PATH] [--no-latency]
//! ```
//!
//! Exits 1 when an implementation's result differs from the C
//! reference's or fails, after writing the results (which say so).

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use pyjit::Tier;
use pyjit_bench::cases::{self, Case, Inputs, Outcome, Scale};
use pyjit_bench::chart::{self, Group, Series};
use pyjit_bench::external::{self, PythonResults};
use pyjit_bench::implementations::{Callable, Implementation, Pyjits, argument_types};
use pyjit_bench::latency;
use pyjit_bench::measure::{self, Settings};
use pyjit_bench::reference::{self, Reference};
use pyjit_bench::report::{self, Cell, LatencyRow, Row};

const USAGE: &str = "usage: pyjit-bench [--quick] [--only KERNEL,...] [--out RESULTS.md] \
                     [--ref-c kernels.c] [--no-latency]";

/// What the command line asks for.
struct Arguments {
    quick: bool,
    only: Option<Vec<String>>,
    out: PathBuf,
    reference: PathBuf,
    latency: bool,
    /// The arguments as given, for the command line in `RESULTS.md`.
    given: Vec<String>,
}

fn parse_arguments() -> Result<Arguments, String> {
    let given: Vec<String> = std::env::args().skip(1).collect();
    let mut arguments = Arguments {
        quick: false,
        only: None,
        out: pyjit_bench::bench_dir().join("RESULTS.md"),
        reference: pyjit_bench::default_reference_source(),
        latency: true,
        given: given.clone(),
    };
    let mut rest = given.into_iter();
    while let Some(argument) = rest.next() {
        let mut value = |name: &str| rest.next().ok_or(format!("{name} needs a value\n{USAGE}"));
        match argument.as_str() {
            "--quick" => arguments.quick = true,
            "--no-latency" => arguments.latency = false,
            "--only" => {
                let list = value("--only")?;
                arguments.only = Some(list.split(',').map(str::to_owned).collect());
            }
            "--out" => arguments.out = PathBuf::from(value("--out")?),
            "--ref-c" => arguments.reference = PathBuf::from(value("--ref-c")?),
            "-h" | "--help" => return Err(USAGE.to_owned()),
            other => return Err(format!("unknown argument `{other}`\n{USAGE}")),
        }
    }
    Ok(arguments)
}

/// Progress on stderr.
fn progress(line: &str) {
    let _ = writeln!(std::io::stderr(), "{line}");
}

fn main() -> ExitCode {
    let arguments = match parse_arguments() {
        Ok(arguments) => arguments,
        Err(message) => {
            progress(&message);
            return ExitCode::from(2);
        }
    };
    match run(&arguments) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(message) => {
            progress(&format!("pyjit-bench: {message}"));
            ExitCode::from(2)
        }
    }
}

/// Run the suite and write the results; `Ok(false)` when a result was
/// wrong or an implementation failed.
fn run(arguments: &Arguments) -> Result<bool, String> {
    let load_at_start = report::load_average();
    let settings = if arguments.quick {
        Settings::QUICK
    } else {
        Settings::FULL
    };
    let all = cases::suite(Scale::Full);
    let selected: Vec<&Case> = match &arguments.only {
        None => all.iter().collect(),
        Some(names) => {
            for name in names {
                if !all.iter().any(|c| c.id == name || c.function == name) {
                    return Err(format!("no kernel or case `{name}`"));
                }
            }
            all.iter()
                .filter(|c| names.iter().any(|n| n == c.id || n == c.function))
                .collect()
        }
    };

    progress(&format!(
        "building the C references from {}",
        arguments.reference.display()
    ));
    let reference = Reference::build(&arguments.reference)?;
    let pyjits = Pyjits::new()?;

    // The C results of every case, for the check and for the Python script.
    let mut expected = BTreeMap::new();
    for case in &all {
        let call = Callable::C(reference.function(case.function)?);
        expected.insert(case.id, call.outcome(case)?);
    }
    let cases_path = pyjit_bench::bench_dir().join(external::CASES_FILE);
    write_file(&cases_path, &external::cases_json(&all, &expected))?;
    let python_path = pyjit_bench::bench_dir().join(external::PYTHON_FILE);
    let python = external::read_python_results(&python_path)?;

    let mut notes = Vec::new();
    let mut all_good = true;
    let implementations = Implementation::available(&reference);
    let mut columns: Vec<&'static str> = implementations.iter().map(|i| i.label()).collect();
    if python.is_some() {
        columns.extend(["CPython", "Numba"]);
    }
    let mut rows = Vec::new();
    for case in &selected {
        progress(&format!("{} ({})", case.id, case.size));
        let expected = &expected[case.id];
        let (mut cells, good) = run_case(
            case,
            &implementations,
            expected,
            &reference,
            &pyjits,
            settings,
            &mut notes,
        )?;
        all_good &= good;
        if let Some(python) = &python {
            cells.extend(python_cells(case, expected, python, &mut notes));
        }
        rows.push(Row {
            kernel: case.function.to_owned(),
            size: case.size.clone(),
            cells,
        });
    }

    let mut latency_rows = Vec::new();
    if arguments.latency {
        let reps = if arguments.quick { 1 } else { 5 };
        let mut seen = Vec::new();
        for case in &selected {
            if seen.contains(&case.function) {
                continue;
            }
            seen.push(case.function);
            for tier in [Tier::Fast, Tier::Optimized] {
                progress(&format!(
                    "compile latency: {} ({})",
                    case.function,
                    tier.name()
                ));
                match latency::measure(case.function, &argument_types(case), tier, reps) {
                    Ok(latency) => latency_rows.push(LatencyRow {
                        kernel: case.function.to_owned(),
                        tier: tier.name().to_owned(),
                        latency,
                    }),
                    Err(e) => {
                        all_good = false;
                        notes.push(format!(
                            "{} on the {} tier did not compile: {e}",
                            case.function,
                            tier.name()
                        ));
                    }
                }
            }
        }
    }

    let compilers = compilers_used(&latency_rows);
    let chart_path = arguments.out.with_file_name("ratios.svg");
    let results = results_markdown(
        arguments,
        settings,
        &columns,
        &rows,
        &latency_rows,
        &compilers,
        python.as_ref(),
        &notes,
        &chart_path,
        &load_at_start,
    );
    write_file(&arguments.out, &results)?;
    write_file(&chart_path, &ratio_chart(&columns, &rows))?;
    let _ = std::io::stdout().write_all(results.as_bytes());
    progress(&format!(
        "wrote {}, {} and {}",
        arguments.out.display(),
        chart_path.display(),
        cases_path.display()
    ));
    Ok(all_good)
}

/// Check and time one case on C and the pyjit configurations: a cell per
/// implementation, and whether all of them gave C's result.
fn run_case(
    case: &Case,
    implementations: &[Implementation],
    expected: &Outcome,
    reference: &Reference,
    pyjits: &Pyjits,
    settings: Settings,
    notes: &mut Vec<String>,
) -> Result<(Vec<Cell>, bool), String> {
    let mut good = true;
    let mut callables = Vec::new();
    let mut matches = Vec::new();
    for &implementation in implementations {
        let checked = Callable::new(implementation, case, reference, pyjits).and_then(|callable| {
            let outcome = callable.outcome(case)?;
            Ok((callable, outcome.difference(expected)))
        });
        match checked {
            Ok((callable, difference)) => {
                if let Some(difference) = &difference {
                    good = false;
                    notes.push(format!(
                        "**{} ({}), {}: the result differs from the C reference's**: {difference}",
                        case.function,
                        case.size,
                        implementation.label()
                    ));
                }
                matches.push(difference.is_none());
                callables.push(Some(callable));
            }
            Err(e) => {
                good = false;
                notes.push(format!(
                    "**{} ({}), {}: failed**: {e}",
                    case.function,
                    case.size,
                    implementation.label()
                ));
                matches.push(false);
                callables.push(None);
            }
        }
    }
    let timed: Vec<&Callable<'_>> = callables.iter().flatten().collect();
    let mut inputs: Vec<Inputs> = timed.iter().map(|_| Inputs::new(case)).collect();
    let pristine = case.mutates_inputs.then(|| Inputs::new(case));
    let medians = measure::medians(&timed, &mut inputs, pristine.as_ref(), settings)?;
    let mut medians = medians.into_iter();
    let cells = callables
        .iter()
        .zip(matches)
        .map(|(callable, matches)| match callable {
            Some(_) => Cell::Timed {
                median: medians.next().expect("a median per callable"),
                matches,
            },
            None => Cell::Missing,
        })
        .collect();
    Ok((cells, good))
}

/// The CPython and Numba cells of a case, from the script's JSON.
fn python_cells(
    case: &Case,
    expected: &Outcome,
    python: &PythonResults,
    notes: &mut Vec<String>,
) -> Vec<Cell> {
    let digest = expected.digest();
    [("CPython", &python.cpython), ("Numba", &python.numba)]
        .into_iter()
        .map(|(label, results)| match results.get(case.id) {
            Some(result) => {
                let matches = result.digest == digest;
                if !matches {
                    notes.push(format!(
                        "**{} ({}), {label}: the result in {} differs from the C reference's** \
                         (or the file is older than the cases: run the script again)",
                        case.function,
                        case.size,
                        external::PYTHON_FILE
                    ));
                }
                Cell::Timed {
                    median: result.median,
                    matches,
                }
            }
            None => Cell::Missing,
        })
        .collect()
}

/// The compiler each tier used, from the latency runs.
fn compilers_used(rows: &[LatencyRow]) -> Vec<(String, String)> {
    let mut compilers: Vec<(String, String)> = Vec::new();
    for row in rows {
        if !compilers.iter().any(|(tier, _)| *tier == row.tier) {
            compilers.push((row.tier.clone(), row.latency.compiler.clone()));
        }
    }
    compilers
}

#[allow(clippy::too_many_arguments)] // the parts of one document
fn results_markdown(
    arguments: &Arguments,
    settings: Settings,
    columns: &[&str],
    rows: &[Row],
    latency_rows: &[LatencyRow],
    compilers: &[(String, String)],
    python: Option<&PythonResults>,
    notes: &[String],
    chart_path: &std::path::Path,
    load_at_start: &str,
) -> String {
    let mut command = String::from("cargo run --release -p pyjit-bench");
    if !arguments.given.is_empty() {
        command.push_str(" -- ");
        command.push_str(&arguments.given.join(" "));
    }
    let mut md = String::from("# Benchmark results\n\n");
    md += &format!(
        "Written by `{command}` on {}{}.\n\n",
        report::date(),
        if cfg!(debug_assertions) {
            " (a debug build of the harness)"
        } else {
            ""
        }
    );
    md += &format!(
        "- Machine: {}; load average {} at the start, {} at the end.\n",
        report::machine_line(),
        load_at_start,
        report::load_average()
    );
    md += &format!(
        "- C: `{} {}` on `shared/bench/ref_c/kernels.c`.\n",
        reference::COMPILER,
        reference::FLAGS.join(" ")
    );
    if columns.contains(&Implementation::CFast.label()) {
        md += &format!(
            "- C (tcc): `{} {}` on the same file: the hand-written C without an optimizer, \
             the fast tier's yardstick.\n",
            reference::FAST_COMPILER,
            reference::FAST_FLAGS.join(" ")
        );
    }
    for (tier, compiler) in compilers {
        md += &format!("- pyjit {tier} tier: `{compiler}`.\n");
    }
    md += &format!(
        "- Run time: the median of {} samples per implementation, each at least {} ms of calls \
         after one untimed call, the implementations taking turns sample by sample; every result checked bit for bit \
         against C's first. \"opt. unchecked\" is the optimizing tier with \
         `Options {{ boundscheck: false, .. }}`.\n",
        settings.samples,
        settings.sample.as_millis()
    );
    if let Some(python) = python {
        md += &format!(
            "- CPython and Numba: from `bench/{}` (`bench/cpython_numba.py`), measured on: {}.\n",
            external::PYTHON_FILE,
            python.machine
        );
    }
    md += "\nSee `bench/README.md` for what each column means.\n\n## Run time\n\n";
    md += &report::run_table(columns, rows);
    let chart_name = chart_path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    md += &format!("\n![Each column's time over C's, per kernel]({chart_name})\n\n");
    if !notes.is_empty() {
        md += "### Failures and wrong results\n\n";
        for note in notes {
            md += &format!("- {note}\n");
        }
        md += "\n";
    }
    md += "### How the kernels differ from `shared/bench/kernels.py`\n\n";
    for (_, _, why) in pyjit_bench::DEVIATIONS {
        md += &format!("- {why}.\n");
    }
    if !latency_rows.is_empty() {
        md += "\n## Compile latency\n\n\
               Medians per phase over the compilations (the sum is the median of the sums). \
               Frontend: reading, parsing and checking; wall: from `Jit::new` to the compiled \
               function, the phases plus finding the C compilers and opening the cache.\n\n\
               ### Cold (empty cache directory)\n\n";
        md += &report::latency_table(latency_rows, false);
        md += "\n### Cached (a new `Jit` on a copy of that directory: the library is read from \
               disk and loaded)\n\n";
        md += &report::latency_table(latency_rows, true);
    }
    md
}

/// The chart of every non-C column's ratio to C, with a geometric-mean
/// group at the end. CPython is left out: at hundreds of times C it would
/// flatten the rest.
fn ratio_chart(columns: &[&'static str], rows: &[Row]) -> String {
    const COLORS: [&str; 4] = ["#e69f00", "#0072b2", "#009e73", "#999999"];
    let charted: Vec<usize> = (1..columns.len())
        .filter(|&i| columns[i] != "CPython")
        .collect();
    let series: Vec<Series> = charted
        .iter()
        .enumerate()
        .map(|(k, &i)| Series {
            label: columns[i],
            color: COLORS[k % COLORS.len()],
        })
        .collect();
    let mut groups: Vec<Group> = rows
        .iter()
        .map(|row| Group {
            label: format!("{} ({})", row.kernel, row.size),
            ratios: charted.iter().map(|&i| row.ratio(i)).collect(),
        })
        .collect();
    groups.push(Group {
        label: "geometric mean".to_owned(),
        ratios: charted
            .iter()
            .map(|&i| report::column_geometric_mean(rows, i).0)
            .collect(),
    });
    chart::render("pyjit: time relative to hand-written C", &series, &groups)
}

fn write_file(path: &std::path::Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("writing {}: {e}", path.display()))
}
