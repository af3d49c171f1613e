//! Check one function of a Python file and print its typed form, or the
//! diagnostic that rejects it.
//!
//! ```text
//! cargo run -p pyjit-frontend --example check -- FILE FUNCTION [TYPE ...]
//! cargo run -p pyjit-frontend --example check -- FILE FUNCTION --sig 'float64(float64[:], int64)'
//! ```
//!
//! Parameter types are Numba spellings (`float64[:]`, `int64`, `f4`); with
//! none, the function's annotations are used.

#![allow(clippy::print_stdout, clippy::print_stderr)] // a command-line example prints

use std::process::ExitCode;

use pyjit_frontend::{Module, Signature, SignatureSource, SourceFile, check_entry};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [file, function, rest @ ..] = args.as_slice() else {
        eprintln!("usage: check FILE FUNCTION [TYPE ... | --sig SIGNATURE]");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("error: cannot read `{file}`: {error}");
            return ExitCode::from(2);
        }
    };
    let result = SourceFile::from_bytes(file.as_str(), &bytes)
        .and_then(Module::new)
        .and_then(|module| match rest {
            [flag, sig] if flag == "--sig" => {
                let signature = Signature::parse(sig)?;
                check_entry(&module, function, SignatureSource::Explicit(&signature))
            }
            [] => check_entry(&module, function, SignatureSource::Annotations),
            types => {
                let types = types
                    .iter()
                    .map(|t| Signature::parse_type(t))
                    .collect::<Result<Vec<_>, _>>()?;
                check_entry(&module, function, SignatureSource::Arguments(&types))
            }
        });
    match result {
        Ok(program) => {
            print!("{program}");
            ExitCode::SUCCESS
        }
        Err(diagnostic) => {
            eprintln!("{}", diagnostic.render());
            ExitCode::from(1)
        }
    }
}
