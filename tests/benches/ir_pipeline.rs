//! The optimizing tier's time outside the C compiler, over the whole
//! corpus: building the IR of every specialization the `# run:` lines ask
//! for, and each pass of the pipeline on all of them (each timed on the IR
//! the passes before it left). Divide by the number of specializations,
//! printed first, for the time per function.
//!
//! ```text
//! cargo bench -p pyjit-tests --bench ir_pipeline
//! ```

#![allow(clippy::print_stderr)] // the bench says what it measures

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use pyjit::ir::Program as IrProgram;
use pyjit::ir::build::{BuildOptions, build_program};
use pyjit::literal::Literal;
use pyjit::passes::{PIPELINE, run_pipeline};
use pyjit::{CacheLocation, Jit, Options, Program, SignatureSource, Type};
use pyjit_tests::{cases, corpus};

/// The typed program of every distinct specialization of the corpus.
fn typed_programs() -> Vec<Program> {
    let jit = Jit::new(Options {
        cache: CacheLocation::Temporary,
        ..Options::default()
    })
    .expect("a temporary cache");
    let mut out = Vec::new();
    for file in corpus() {
        let module = jit.load_file(&file).expect("the program loads");
        let mut seen: Vec<(String, Vec<Type>)> = Vec::new();
        for case in cases(&file).expect("well-formed cases") {
            let Ok(types) = case
                .args
                .iter()
                .map(|a| Literal::parse(a).and_then(|l| l.ty()))
                .collect::<Result<Vec<Type>, _>>()
            else {
                continue;
            };
            let key = (case.func.clone(), types);
            if seen.contains(&key) {
                continue;
            }
            if let Ok(program) = module
                .function(&case.func)
                .and_then(|f| f.check(SignatureSource::Arguments(&key.1)))
            {
                out.push(program);
            }
            seen.push(key);
        }
    }
    out
}

fn build_all(typed: &[Program]) -> Vec<IrProgram> {
    typed
        .iter()
        .map(|p| build_program(p, BuildOptions::default()))
        .collect()
}

fn ir_pipeline(c: &mut Criterion) {
    let typed = typed_programs();
    let functions: usize = typed.iter().map(|p| p.functions.len()).sum();
    eprintln!(
        "corpus: {} specializations, {functions} functions",
        typed.len()
    );
    let mut group = c.benchmark_group("corpus");
    group.bench_function("build", |b| b.iter(|| build_all(&typed)));
    let mut before = build_all(&typed);
    for pass in PIPELINE {
        group.bench_function(pass.name, |b| {
            b.iter_batched(
                || before.clone(),
                |mut programs| {
                    for program in &mut programs {
                        run_pipeline(program, &[pass], false, |_, _| {}).expect("the pass runs");
                    }
                    programs
                },
                BatchSize::LargeInput,
            );
        });
        for program in &mut before {
            run_pipeline(program, &[pass], false, |_, _| {}).expect("the pass runs");
        }
    }
    group.finish();
}

criterion_group!(benches, ir_pipeline);
criterion_main!(benches);
