//! Fuzz the whole frontend: arbitrary bytes as a Python file; every function
//! found is checked with every parameter as `int64`, `float64`, `float64[:]`
//! and from its annotations, and every diagnostic is rendered. Any panic or
//! stack overflow is a bug.
//!
//! ```sh
//! cargo install cargo-fuzz
//! cd crates/frontend/fuzz
//! RUSTC_BOOTSTRAP=1 cargo fuzz run frontend -- -max_total_time=600 -max_len=4096
//! ```
//!
//! Seed the corpus with the fixtures for better coverage:
//! `mkdir -p corpus/frontend && cp ../tests/fixtures/*/*.py corpus/frontend/`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pyjit_frontend::{Module, Scalar, SignatureSource, SourceFile, Type, check_entry};

fuzz_target!(|bytes: &[u8]| {
    let module = match SourceFile::from_bytes("fuzz.py", bytes).and_then(Module::new) {
        Ok(module) => module,
        Err(diagnostic) => {
            let _ = diagnostic.render();
            return;
        }
    };
    let names: Vec<String> = module.function_names().map(str::to_owned).collect();
    for name in names.iter().take(4) {
        let arity = module.function(name).map(|f| f.params.len()).unwrap_or(0);
        for ty in [Type::INT, Type::FLOAT, Type::array(Scalar::Float64, 1)] {
            match check_entry(&module, name, SignatureSource::Arguments(&vec![ty; arity])) {
                Ok(program) => {
                    let _ = program.to_string();
                }
                Err(diagnostic) => {
                    let _ = diagnostic.render();
                }
            }
        }
        if let Err(diagnostic) = check_entry(&module, name, SignatureSource::Annotations) {
            let _ = diagnostic.render();
        }
    }
});
