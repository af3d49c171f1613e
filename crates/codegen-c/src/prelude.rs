//! The C prelude, and the part of it a program needs.
//!
//! The prelude holds every helper of Python's semantics, some 100 of them.
//! A program uses a handful, and a C compiler pays for the rest: gcc at
//! `-O1` optimizes every function it parses before dropping the unused
//! ones, which costs it 25 ms on the whole prelude, a third of a cold
//! compile. So the emitter includes only the pieces its code names, with
//! the pieces those name in turn.
//!
//! A piece is a run of lines between blank lines (a helper and the comment
//! above it; blank lines never occur inside a helper). A piece *defines*
//! the `pj_`/`PJ_` names of the functions, tables and macros it declares at
//! column 0 (`PJ_MATH_1(sqrt, ...)` lines define `pj_math_sqrt` through
//! their macro), and *uses* every such name in its text. Pieces that
//! define nothing (the libm declarations) are always included; pieces that
//! are only comments (section banners) never are, but the first (the
//! prelude's own header).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// The whole prelude: the Python semantics compiled code calls. It comes
/// after the ABI header (`pyjit_runtime::abi::C_HEADER`) in every file.
pub const PRELUDE: &str = include_str!("prelude.c");

/// A piece of the prelude.
#[derive(Debug)]
struct Piece {
    text: &'static str,
    defines: Vec<String>,
    /// Comments only: a banner, or the header.
    comment: bool,
}

/// The `pj_`/`PJ_` identifiers in C text, in order, with repeats.
fn prelude_names(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let is_ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut i = 0;
    std::iter::from_fn(move || {
        // Jump from one `p` or `P` to the next: most bytes are neither.
        while let Some(offset) = text[i..].find(['p', 'P']) {
            let start = i + offset;
            let mut end = start + 1;
            while end < bytes.len() && is_ident(bytes[end]) {
                end += 1;
            }
            i = end;
            let word = &text[start..end];
            let starts_word = start == 0 || !is_ident(bytes[start - 1]);
            if starts_word
                && (word.starts_with("pj_") || word.starts_with("PJ_"))
                && !word.ends_with('_')
            {
                return Some(word);
            }
        }
        i = bytes.len();
        None
    })
}

/// The identifier that ends `text`, after trimming pointer stars.
fn last_identifier(text: &str) -> &str {
    let text = text.trim_end();
    let start = text
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .map_or(0, |i| i + 1);
    &text[start..]
}

/// The pieces, and which piece defines each name.
struct Index {
    pieces: Vec<Piece>,
    definer: HashMap<String, usize>,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let pieces = split();
        let mut definer = HashMap::new();
        for (i, piece) in pieces.iter().enumerate() {
            for name in &piece.defines {
                definer.entry(name.clone()).or_insert(i);
            }
        }
        Index { pieces, definer }
    })
}

#[cfg(test)]
fn pieces() -> &'static [Piece] {
    &index().pieces
}

fn split() -> Vec<Piece> {
    {
        // Macros that define functions by pasting a prefix to their first
        // argument: `PJ_MATH_1(NAME, ...)` defines `pj_math_##NAME`.
        let mut generators: Vec<(String, String)> = Vec::new();
        let mut pieces = Vec::new();
        for text in PRELUDE.split("\n\n").filter(|t| !t.trim().is_empty()) {
            let mut defines = Vec::new();
            let mut comment = true;
            let mut in_comment = false;
            let lines: Vec<&str> = text.lines().collect();
            for (index, &line) in lines.iter().enumerate() {
                let trimmed = line.trim_start();
                let was_comment = in_comment || trimmed.starts_with("/*");
                if trimmed.starts_with("/*") && !trimmed.contains("*/") {
                    in_comment = true;
                } else if in_comment && trimmed.contains("*/") {
                    in_comment = false;
                }
                if !was_comment {
                    comment = false;
                }
                if let Some(rest) = line.strip_prefix("#define ") {
                    let name = rest
                        .split(|c: char| c == '(' || c.is_whitespace())
                        .next()
                        .unwrap_or("");
                    // The whole definition, continuation lines included.
                    let mut definition = rest.to_owned();
                    let mut next = index + 1;
                    while definition.trim_end().ends_with('\\') && next < lines.len() {
                        definition.push('\n');
                        definition.push_str(lines[next]);
                        next += 1;
                    }
                    let first_parameter = rest
                        .strip_prefix(name)
                        .and_then(|r| r.strip_prefix('('))
                        .and_then(|r| r.split([',', ')']).next())
                        .map(str::trim);
                    if let Some(parameter) = first_parameter
                        && let Some(paste) = definition.find(&format!("##{parameter}"))
                    {
                        let prefix = last_identifier(&definition[..paste]);
                        generators.push((name.to_owned(), prefix.to_owned()));
                    }
                    defines.push(name.to_owned());
                } else if let Some(rest) = line
                    .strip_prefix("PJ_COLD ")
                    .unwrap_or(line)
                    .strip_prefix("static ")
                {
                    let end = rest.find(['(', '[', '=']).unwrap_or(rest.len());
                    defines.push(last_identifier(&rest[..end]).to_owned());
                } else if let Some((macro_name, prefix)) = generators
                    .iter()
                    .find(|(m, _)| line.starts_with(m.as_str()) && line[m.len()..].starts_with('('))
                {
                    let argument = line[macro_name.len() + 1..]
                        .split([',', ')'])
                        .next()
                        .unwrap_or("")
                        .trim();
                    defines.push(format!("{prefix}{argument}"));
                }
            }
            defines.retain(|d| d.starts_with("pj_") || d.starts_with("PJ_"));
            pieces.push(Piece {
                text,
                defines,
                comment,
            });
        }
        pieces
    }
}

/// The pieces of the prelude that `code` needs, in the prelude's order.
pub fn needed_by(code: &str) -> String {
    let Index { pieces, definer } = index();
    let mut wanted: HashSet<&str> = HashSet::new();
    let mut queue: Vec<&str> = prelude_names(code).collect();
    let mut included = vec![false; pieces.len()];
    while let Some(name) = queue.pop() {
        if !wanted.insert(name) {
            continue;
        }
        if let Some(&i) = definer.get(name)
            && !included[i]
        {
            included[i] = true;
            queue.extend(prelude_names(pieces[i].text));
        }
    }
    let mut out = String::new();
    for (i, piece) in pieces.iter().enumerate() {
        let always = piece.defines.is_empty() && (!piece.comment || i == 0);
        if included[i] || always {
            out.push_str(piece.text);
            out.push_str("\n\n");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_piece_is_a_definition_a_declaration_or_a_comment() {
        for piece in pieces() {
            if piece.defines.is_empty() && !piece.comment {
                // Declarations only (the C library): no code.
                assert!(
                    !piece.text.contains('{'),
                    "a piece defines nothing:\n{}",
                    piece.text
                );
            }
        }
    }

    #[test]
    fn helpers_bring_what_they_use() {
        let text = needed_by("if (pj_math_gamma(rt, 1, x, &y)) goto error;");
        for name in [
            "pj_math_gamma",
            "pj_lanczos_sum",
            "pj_sinpi",
            "pj_raise",
            "pj_domain",
        ] {
            assert!(text.contains(name), "{name} missing");
        }
        assert!(
            !text.contains("pj_truediv_i64"),
            "an unused helper came along"
        );
        // Macros that generate functions are found by what they generate.
        assert!(needed_by("pj_math_exp(rt, 1, x, &y)").contains("PJ_MATH_1(exp, exp, 1)"));
    }

    #[test]
    fn every_name_used_is_defined() {
        let defined: HashSet<&str> = pieces()
            .iter()
            .flat_map(|p| p.defines.iter().map(String::as_str))
            .collect();
        for piece in pieces() {
            for used in prelude_names(piece.text) {
                // The ABI header defines the `pj_` types and `PJ_` codes.
                let in_header = pyjit_runtime::abi::C_HEADER.contains(used);
                assert!(
                    defined.contains(used) || in_header,
                    "`{used}` is used but defined nowhere"
                );
            }
        }
    }
}
