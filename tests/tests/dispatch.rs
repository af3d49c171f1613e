//! The `auto` tier lands the seed's examples where the seed says they
//! belong, decides on a program's whole call graph, honours its threshold,
//! and counts compilations per tier.

use std::path::PathBuf;

use pyjit::dispatch::Complexity;
use pyjit::{Arg, Jit, Module, Options, Tier, Value};

fn load(jit: &Jit, name: &str) -> Module {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../examples")
        .join(name);
    jit.load_file(path).expect("loads")
}

fn auto(threshold: u32) -> Jit {
    Jit::new(Options {
        tier: Tier::Auto,
        auto_threshold: threshold,
        ..Options::default()
    })
    .expect("a temporary cache")
}

/// The seed's `complex_compute`: four temporaries and a return, five
/// binary operations; the seed's weights alone score it 5.
const SEED_COMPLEX_COMPUTE: &str = "\
def complex_compute(x, y):
    a = x * y + 1.0
    b = a * a
    c = b - x
    d = c / 2.0
    return d


def small_entry(n):
    return heavy(n) + 1


def heavy(n):
    total = 0
    for i in range(n):
        total += i * i
    return total
";

#[test]
fn the_seed_examples_land_where_the_seed_says() {
    assert_eq!(Options::default().tier, Tier::Auto);
    let jit = auto(10);
    let basics = load(&jit, "basics.py");
    let simple_add = basics
        .function("simple_add")
        .and_then(|f| f.compile_signature("int64(int64, int64)"))
        .expect("compiles");
    assert_eq!(simple_add.tier(), Tier::Fast);
    assert_eq!(
        simple_add.complexity(),
        Some(Complexity {
            loops: 0,
            calls: 0,
            binary_ops: 1,
            statements: 1
        })
    );
    assert_eq!(
        simple_add.call(&[Arg::Int(2), Arg::Int(3)]).expect("runs"),
        Value::Int(5)
    );

    let module = jit
        .load_source("seed.py", SEED_COMPLEX_COMPUTE)
        .expect("valid");
    let seed = module
        .function("complex_compute")
        .and_then(|f| f.compile_signature("float64(float64, float64)"))
        .expect("compiles");
    assert_eq!(seed.complexity().map(|c| c.score()), Some(10));
    assert_eq!(seed.tier(), Tier::Optimized);
    // (0.5 * 2.0 + 1.0) ** 2 - 0.5, halved, as CPython computes it.
    assert_eq!(
        seed.call(&[Arg::Float(0.5), Arg::Float(2.0)])
            .expect("runs"),
        Value::Float(1.75)
    );

    // The example file's version has a loop and math calls.
    let complex = basics
        .function("complex_compute")
        .and_then(|f| f.compile_signature("float64(float64, float64, int64)"))
        .expect("compiles");
    assert_eq!(complex.tier(), Tier::Optimized);
    assert_eq!(complex.complexity().map(|c| c.score()), Some(28));
}

#[test]
fn one_decision_covers_the_entry_and_everything_it_calls() {
    let jit = auto(10);
    let module = jit
        .load_source("seed.py", SEED_COMPLEX_COMPUTE)
        .expect("valid");
    // `small_entry` alone scores 4, `heavy` 13: together they are one
    // program, compiled by the optimizing tier.
    let compiled = module
        .function("small_entry")
        .and_then(|f| f.compile_signature("int64(int64)"))
        .expect("compiles");
    let complexity = compiled.complexity().expect("auto decided");
    assert_eq!(complexity.score(), 4 + 13);
    assert_eq!(compiled.tier(), Tier::Optimized);
    assert_eq!(compiled.call(&[Arg::Int(4)]).expect("runs"), Value::Int(15));
}

#[test]
fn the_threshold_is_an_option_and_explicit_tiers_are_kept() {
    let generous = auto(100);
    let complex = load(&generous, "basics.py")
        .function("complex_compute")
        .and_then(|f| f.compile_signature("float64(float64, float64, int64)"))
        .expect("compiles");
    assert_eq!(complex.tier(), Tier::Fast);

    for tier in [Tier::Fast, Tier::Optimized] {
        let jit = Jit::new(Options {
            tier,
            ..Options::default()
        })
        .expect("a temporary cache");
        let compiled = load(&jit, "basics.py")
            .function("simple_add")
            .and_then(|f| f.compile_signature("int64(int64, int64)"))
            .expect("compiles");
        assert_eq!((compiled.tier(), compiled.complexity()), (tier, None));
    }
}

#[test]
fn stats_count_compilations_per_tier() {
    let jit = auto(10);
    let basics = load(&jit, "basics.py");
    basics
        .function("simple_add")
        .and_then(|f| f.compile_signature("int64(int64, int64)"))
        .expect("compiles");
    basics
        .function("complex_compute")
        .and_then(|f| f.compile_signature("float64(float64, float64, int64)"))
        .expect("compiles");
    // A second request for a specialization is not a compilation.
    basics
        .function("simple_add")
        .and_then(|f| f.compile_signature("int64(int64, int64)"))
        .expect("compiles");
    let stats = jit.stats();
    assert_eq!(
        (stats.fast_compilations, stats.optimized_compilations),
        (1, 1)
    );
    assert!(stats.total.passes > std::time::Duration::ZERO);
}
