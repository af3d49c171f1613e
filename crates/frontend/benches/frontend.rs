//! Frontend throughput: lex, split, parse and check a 1,000-line module.
//!
//! The module is 50 kernels of 20 lines each (loops, array indexing, `math`
//! calls, branches, a call to the kernel before), checked from the last
//! one, so every function is parsed, specialized and typed. Run with
//! `cargo bench -p pyjit-frontend`.

use criterion::{Criterion, criterion_group, criterion_main};
use pyjit_frontend::{Module, SignatureSource, SourceFile, check_entry};
use std::hint::black_box;

const KERNELS: usize = 50;

/// A module of `KERNELS` functions, 20 lines each, each calling the one
/// before.
fn module_source() -> String {
    let mut text = String::from("import math\n\nSCALE = 0.5\n\n");
    for k in 0..KERNELS {
        let call = if k == 0 {
            "0.0".to_owned()
        } else {
            format!("kernel{}(a, out, n)", k - 1)
        };
        text.push_str(&format!(
            "def kernel{k}(a: list[float], out: list[float], n: int) -> float:
    \"\"\"Kernel {k}: a smoothing pass and a reduction.\"\"\"
    s = {call}
    for i in range(1, n - 1):
        left = a[i - 1]
        right = a[i + 1]
        mid = 0.25 * left + 0.5 * a[i] + 0.25 * right
        if mid > {k}.0:
            out[i] = math.sqrt(mid) * SCALE
        elif mid < -1.0:
            out[i] = -mid
        else:
            out[i] = mid
        s += out[i] * out[i]
    j = n - 1
    while j > 0 and a[j] == 0.0:
        j -= 1
    count = 0
    for x in a:
        count += 1 if x > s else 0
    return s + count + j
"
        ));
    }
    text
}

fn frontend(c: &mut Criterion) {
    let text = module_source();
    let lines = text.lines().count();
    assert!(lines >= 1000, "the module has {lines} lines");
    let entry = format!("kernel{}", KERNELS - 1);
    // The benchmark must measure a program that checks.
    let module = Module::new(SourceFile::new("bench.py", text.as_str())).unwrap();
    let program = check_entry(&module, &entry, SignatureSource::Annotations)
        .unwrap_or_else(|d| panic!("{}", d.render()));
    assert_eq!(program.functions.len(), KERNELS);

    c.bench_function(&format!("lex+parse+check {lines} lines"), |b| {
        b.iter(|| {
            let module =
                Module::new(SourceFile::new("bench.py", black_box(text.as_str()))).unwrap();
            let program = check_entry(&module, &entry, SignatureSource::Annotations).unwrap();
            black_box(program);
        });
    });
    c.bench_function(&format!("lex+split {lines} lines"), |b| {
        b.iter(|| {
            black_box(Module::new(SourceFile::new("bench.py", black_box(text.as_str()))).unwrap())
        });
    });
}

criterion_group!(benches, frontend);
criterion_main!(benches);
