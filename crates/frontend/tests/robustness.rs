//! The frontend never panics and never overflows the stack, whatever the
//! bytes: every input gets a diagnostic or a typed program.
//!
//! Property tests throw arbitrary bytes and mutated fixtures at the whole
//! pipeline (source, items, parse, check, render). The pathological inputs
//! of the issue are tested one by one, on a thread with a small stack, so a
//! recursion that is not bounded shows up here rather than in a user's
//! program. `PROPTEST_CASES=100000 cargo test --release -p pyjit-frontend
//! --test robustness` runs longer; `fuzz/` has a `cargo fuzz` target.

mod common;

use proptest::prelude::*;
use pyjit_frontend::{Module, Signature, SignatureSource, SourceFile, Type, check_entry};

/// The stack the pipeline is promised to fit in (a spawned thread's default
/// is 2 MiB; tests run on such threads).
const STACK: usize = 1024 * 1024;
fn stack() -> usize {
    std::env::var("PYJIT_TEST_STACK")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(STACK)
}

/// Run the whole frontend over `bytes`: every function, with every
/// parameter typed from its annotations and as `int64`, `float64` and
/// `float64[:]`. Returns how many checks succeeded. Rendering every
/// diagnostic is part of the pipeline.
fn pipeline(bytes: &[u8]) -> usize {
    let module = match SourceFile::from_bytes("fuzz.py", bytes).and_then(Module::new) {
        Ok(module) => module,
        Err(diagnostic) => {
            let _ = diagnostic.render();
            return 0;
        }
    };
    let mut ok = 0;
    let names: Vec<String> = module.function_names().map(str::to_owned).collect();
    for name in names.iter().take(8) {
        let arity = module.function(name).map(|f| f.params.len()).unwrap_or(0);
        let mut sources = vec![];
        for ty in [
            Type::INT,
            Type::FLOAT,
            Type::array(pyjit_frontend::Scalar::Float64, 1),
        ] {
            sources.push(vec![ty; arity]);
        }
        let annotations = check_entry(&module, name, SignatureSource::Annotations);
        ok += usize::from(annotations.is_ok());
        if let Err(d) = annotations {
            let _ = d.render();
        }
        for types in &sources {
            match check_entry(&module, name, SignatureSource::Arguments(types)) {
                Ok(program) => {
                    let _ = program.to_string();
                    ok += 1;
                }
                Err(d) => {
                    common::assert_diagnostic_spans(&d);
                    let _ = d.render();
                }
            }
        }
    }
    let _ = common::layout_tokens(&module);
    let _ = common::items_ast(&module);
    ok
}

/// Run `f` on a thread with a small stack, so unbounded recursion fails
/// here.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(stack())
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("no panic, no overflow")
}

fn fixtures() -> Vec<String> {
    let mut texts = Vec::new();
    for dir in ["tests/fixtures/valid", "tests/fixtures/invalid"] {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        for path in paths {
            if let Ok(text) = std::fs::read_to_string(&path) {
                texts.push(text);
            }
        }
    }
    texts
}

/// Snippets that make mutations interesting: Python tokens, layout, and
/// the edges of the lexer.
const SNIPPETS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    "\n",
    "\n    ",
    "\t",
    "    ",
    " = ",
    " == ",
    " += ",
    "**",
    "//",
    "%",
    "-",
    "not ",
    " and ",
    " or ",
    "if ",
    "elif ",
    "else:",
    "while ",
    "for i in range(",
    "return ",
    "break",
    "def g(x):\n    return x\n",
    "lambda x: x",
    "'",
    "\"",
    "'''",
    "\\",
    "\\\n",
    "#",
    "0x",
    "1e",
    "1_",
    "07",
    "1.5",
    "True",
    "None",
    "a[",
    "a.shape[",
    "math.",
    "np.",
    "print(",
    "assert ",
    "x",
    "y",
    "n",
    "@njit\n",
    "\u{feff}",
    "é",
    "\u{0}",
    "\r",
    "\r\n",
    "yield",
    "async ",
    "class C:\n",
    "import math\n",
    "global x\n",
];

fn mutate(text: &str, edits: &[(u16, u16, u8)]) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    for &(at, len, op) in edits {
        let at = if bytes.is_empty() {
            0
        } else {
            usize::from(at) % (bytes.len() + 1)
        };
        let len = usize::from(len % 16);
        let end = (at + len).min(bytes.len());
        match op % 4 {
            0 => {
                bytes.drain(at..end);
            }
            1 => {
                let snippet =
                    SNIPPETS[usize::from(len as u16 + u16::from(op)) % SNIPPETS.len()].as_bytes();
                bytes.splice(at..at, snippet.iter().copied());
            }
            2 => {
                let copy = bytes[at..end].to_vec();
                bytes.splice(at..at, copy);
            }
            _ => {
                if at < bytes.len() {
                    bytes[at] = bytes[at].wrapping_add(op);
                }
            }
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        pipeline(&bytes);
    }

    #[test]
    fn arbitrary_python_like_text_never_panics(pieces in proptest::collection::vec(0..SNIPPETS.len(), 0..80)) {
        let text: String = pieces.iter().map(|&i| SNIPPETS[i]).collect();
        pipeline(text.as_bytes());
    }

    #[test]
    fn mutated_fixtures_never_panic(
        which in any::<usize>(),
        edits in proptest::collection::vec((any::<u16>(), any::<u16>(), any::<u8>()), 1..6),
    ) {
        let texts = fixtures();
        let text = &texts[which % texts.len()];
        pipeline(&mutate(text, &edits));
    }
}

#[test]
fn every_fixture_runs_through_the_pipeline_on_a_small_stack() {
    let accepted = on_small_stack(|| {
        fixtures()
            .iter()
            .map(|t| pipeline(t.as_bytes()))
            .sum::<usize>()
    });
    assert!(accepted > 0);
}

fn rejected_with(text: String, message: &str) {
    let message = message.to_owned();
    on_small_stack(move || {
        let module = Module::from_text("deep.py", &text).expect("the file lexes");
        let error =
            check_entry(&module, "f", SignatureSource::Arguments(&[Type::INT])).unwrap_err();
        assert_eq!(error.message(), message);
        let _ = error.render();
    });
}

#[test]
fn ten_thousand_nested_parentheses() {
    let text = format!(
        "def f(x):\n    return {}x{}\n",
        "(".repeat(10_000),
        ")".repeat(10_000)
    );
    rejected_with(text, "too many nested parentheses");
}

#[test]
fn five_hundred_nested_ifs() {
    let mut text = "def f(x):\n".to_owned();
    for depth in 1..=500 {
        text.push_str(&"    ".repeat(depth));
        text.push_str("if x:\n");
    }
    text.push_str(&"    ".repeat(501));
    text.push_str("return x\n");
    rejected_with(text, "too many levels of indentation");
}

#[test]
fn ten_thousand_elifs() {
    let mut text = "def f(x):\n    if x == 0:\n        return 0\n".to_owned();
    for i in 1..10_000 {
        text.push_str(&format!("    elif x == {i}:\n        return {i}\n"));
    }
    text.push_str("    return -1\n");
    rejected_with(text, "statements are too deeply nested");
}

#[test]
fn megabyte_lines() {
    // A long flat expression is a deep tree.
    rejected_with(
        format!("def f(x):\n    return x{}\n", " + 1".repeat(250_000)),
        "expression is too deeply nested",
    );
    // Right-associative and prefix chains too.
    rejected_with(
        format!("def f(x):\n    return {}x\n", "-".repeat(1_000_000)),
        "expression is too deeply nested",
    );
    rejected_with(
        format!("def f(x):\n    return x{}\n", " ** x".repeat(200_000)),
        "expression is too deeply nested",
    );
    rejected_with(
        format!("def f(x):\n    return {}x\n", "not ".repeat(250_000)),
        "expression is too deeply nested",
    );
    rejected_with(
        format!("def f(x):\n    return {}0\n", "x if x else ".repeat(90_000)),
        "expression is too deeply nested",
    );
    rejected_with(
        format!("def f(x):\n    return x{}\n", ".y".repeat(500_000)),
        "expression is too deeply nested",
    );
    rejected_with(
        format!("def f(x):\n    return x{}\n", "()".repeat(500_000)),
        "expression is too deeply nested",
    );
    // A long name, a long string, a long comment: fine or a plain error.
    let name = "a".repeat(1 << 20);
    rejected_with(
        format!("def f(x):\n    return {name}\n"),
        &format!("name `{name}` is not defined"),
    );
    let string = format!("def f(x):\n    return '{}'\n", "s".repeat(1 << 20));
    rejected_with(
        string,
        "pyjit supports strings only in `print(...)` and `assert` messages",
    );
    on_small_stack(|| {
        let comment = format!("def f(x):  # {}\n    return x\n", "c".repeat(1 << 20));
        let module = Module::from_text("long.py", &comment).unwrap();
        check_entry(&module, "f", SignatureSource::Arguments(&[Type::INT])).unwrap();
    });
}

#[test]
fn the_deepest_accepted_program_fits_the_stack() {
    // Statements and expressions just inside both limits, together: 90
    // nested `while`s (indentation), then an `if` with `elif`s nesting to
    // the statement limit, then the deepest expression.
    let mut text = "def f(x):\n".to_owned();
    let whiles = 90;
    for level in 1..=whiles {
        text.push_str(&"    ".repeat(level));
        text.push_str("while x < 0:\n");
    }
    let indent = "    ".repeat(whiles + 1);
    let elifs = pyjit_frontend::ast::MAX_STMT_DEPTH as usize - whiles - 3;
    text.push_str(&format!("{indent}if x == 0:\n{indent}    x = 1\n"));
    for i in 1..elifs {
        text.push_str(&format!("{indent}elif x == {i}:\n{indent}    x = {i}\n"));
    }
    let depth = pyjit_frontend::ast::MAX_EXPR_DEPTH as usize - 2;
    let expr = format!("{}x{}", "(".repeat(depth / 2), " + 1)".repeat(depth / 2));
    text.push_str(&format!("{indent}else:\n{indent}    x = -{expr}\n"));
    text.push_str("    return x\n");
    on_small_stack(move || {
        let module = Module::from_text("deep.py", &text).unwrap();
        let program = check_entry(&module, "f", SignatureSource::Arguments(&[Type::INT]))
            .unwrap_or_else(|d| panic!("{}", d.render()));
        let _ = program.to_string();
        let _ = common::items_ast(&module);
        drop(program);
    });
}

#[test]
fn hostile_bytes() {
    on_small_stack(|| {
        for bytes in [
            &b"def f(x):\n    return x\x00\n"[..],
            b"def f(x):\n    return '\xff'\n",
            b"\xef\xbb\xbfdef f(x):\n    return x\n",
            b"def f(x):\n    return 'abc\n",
            b"def f(x):\n    return '''abc\n",
            b"def f(x):\n\treturn x\n        return x\n",
            b"def f(x):\r    return x\r",
            b"\\",
            b"",
            b"\n\n\n",
            b"def",
            b"def f(",
            b"@\n",
        ] {
            pipeline(bytes);
        }
    });
}

#[test]
fn a_signature_string_is_never_a_panic() {
    for text in [
        "",
        "(",
        ")",
        "f8(",
        "f8[",
        "f8[:,:,:]()",
        "void(void)",
        "\u{0}",
        "f8(f8[::2])",
        "é(f8)",
    ] {
        let _ = Signature::parse(text).map_err(|d| d.render());
    }
}
