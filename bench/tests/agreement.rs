//! The harness's result check at small sizes: every kernel on every pyjit
//! configuration leaves exactly what the C reference leaves (return value
//! and every array, bit for bit), and the check does catch a kernel that
//! computes something else.
//!
//! Needs `shared/` beside the repository (CI has it) and gcc; elsewhere
//! the tests say so and pass, except under `CI=true`.

use pyjit_bench::cases::{Outcome, Scale, suite};
use pyjit_bench::implementations::{Callable, Implementation, Pyjits};
use pyjit_bench::reference::Reference;

/// The C references, or `None` (with a note) where this machine lacks them.
fn reference() -> Option<Reference> {
    let source = pyjit_bench::default_reference_source();
    match Reference::build(&source) {
        Ok(reference) => Some(reference),
        Err(e) if std::env::var_os("CI").is_none() => {
            let _ = std::io::Write::write_all(
                &mut std::io::stderr(),
                format!("skipped: {e}\n").as_bytes(),
            );
            None
        }
        Err(e) => panic!("{e}"),
    }
}

/// Every small case on `implementation`, against C.
fn agrees_with_c(implementation: Implementation) {
    let Some(reference) = reference() else { return };
    let pyjits = Pyjits::new().expect("the kernels load");
    let mut failures = Vec::new();
    for case in suite(Scale::Small) {
        let expected = Callable::new(Implementation::C, &case, &reference, &pyjits)
            .and_then(|c| c.outcome(&case))
            .expect("the C reference runs");
        let outcome = Callable::new(implementation, &case, &reference, &pyjits)
            .and_then(|c| c.outcome(&case));
        match outcome.map(|o| o.difference(&expected)) {
            Ok(None) => {}
            Ok(Some(difference)) => failures.push(format!("{}: {difference}", case.id)),
            Err(e) => failures.push(format!("{}: {e}", case.id)),
        }
    }
    assert!(
        failures.is_empty(),
        "{} differs from C:\n{}",
        implementation.label(),
        failures.join("\n")
    );
}

#[test]
fn the_c_built_by_tcc_gives_the_c_results() {
    // The yardstick column: the same file, another compiler, the same bits.
    if reference().is_some_and(|r| r.has_fast()) || std::env::var_os("CI").is_some() {
        agrees_with_c(Implementation::CFast);
    }
}

#[test]
fn the_fast_tier_gives_the_c_results() {
    agrees_with_c(Implementation::Fast);
}

#[test]
fn the_optimizing_tier_gives_the_c_results() {
    agrees_with_c(Implementation::Optimized);
}

#[test]
fn the_optimizing_tier_without_bounds_checks_gives_the_c_results() {
    agrees_with_c(Implementation::OptimizedUnchecked);
}

/// The outcome of `function` from `source` on the small case `id`, on the
/// optimizing tier, and C's.
fn variant_and_c(source: &str, id: &str) -> Option<(Outcome, Outcome)> {
    let reference = reference()?;
    let pyjits = Pyjits::from_source(source).expect("the variant loads");
    let case = suite(Scale::Small)
        .into_iter()
        .find(|c| c.id == id)
        .expect("a case");
    let run = |implementation| {
        Callable::new(implementation, &case, &reference, &pyjits)
            .and_then(|c| c.outcome(&case))
            .expect("runs")
    };
    Some((run(Implementation::Optimized), run(Implementation::C)))
}

#[test]
fn a_sum_in_another_order_is_caught() {
    // The same products, added from the end: equal as real numbers, not
    // in floating point.
    let source = "def dot(x, y, n):\n    s = 0.0\n    for i in range(n):\n        \
                  s += x[n - 1 - i] * y[n - 1 - i]\n    return s\n";
    let Some((outcome, expected)) = variant_and_c(source, "dot") else {
        return;
    };
    let difference = outcome.difference(&expected).expect("a difference");
    assert!(difference.starts_with("returned "), "{difference}");
}

#[test]
fn a_wrong_array_element_is_caught() {
    // Right everywhere but at the last element.
    let source = "def stencil1d(a, out, n):\n    out[0] = a[0]\n    out[n - 1] = a[n - 2]\n    \
                  for i in range(1, n - 1):\n        \
                  out[i] = 0.25 * a[i - 1] + 0.5 * a[i] + 0.25 * a[i + 1]\n";
    let Some((outcome, expected)) = variant_and_c(source, "stencil1d") else {
        return;
    };
    let difference = outcome.difference(&expected).expect("a difference");
    assert!(
        difference.starts_with("argument 2 differs at element 999:"),
        "{difference}"
    );
}

#[test]
fn the_kernels_differ_from_shared_only_as_documented() {
    let path = pyjit_bench::repo_root()
        .join("..")
        .join("shared")
        .join("bench")
        .join("kernels.py");
    let Ok(original) = std::fs::read_to_string(&path) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "{} is missing",
            path.display()
        );
        return;
    };
    let mut patched = original;
    for (from, to, _) in pyjit_bench::DEVIATIONS {
        assert_eq!(patched.matches(from).count(), 1, "`{from}` occurs once");
        patched = patched.replacen(from, to, 1);
    }
    assert!(
        patched == pyjit_bench::KERNELS_SOURCE,
        "bench/kernels.py differs from shared/bench/kernels.py in more than DEVIATIONS"
    );
}
