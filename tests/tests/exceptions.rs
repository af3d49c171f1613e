//! Every exception LANGUAGE.md lists, raised from compiled code, comes back
//! as `Error::Runtime` with its type, CPython's message and the source line,
//! never as a crash; and recursion of any depth ends in `RecursionError`
//! whatever stack the caller runs on.

use pyjit::{Arg, Error, ExceptionKind, Jit, Options, PyException, Tier, Value};

const PROGRAM: &str = "\
import math
import numpy as np


def divide(a, b):
    return a // b


def element(a, i):
    return a[i]


def root(x):
    return math.sqrt(x)


def to_int(x):
    return int(x)


def checked(x):
    assert x > 0, \"x must be positive\"
    return x


def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1


def allocate(n):
    a = np.zeros(n)
    return len(a)


def maybe(flag):
    if flag:
        y = 1
    return y


def ping(n):
    if n == 0:
        return 0
    return pong(n - 1)


def pong(n):
    return ping(n) + 1


def twice(n):
    return depth(n) + depth(n)
";

fn jit(options: Options) -> pyjit::Module {
    Jit::new(options)
        .expect("a temporary cache")
        .load_source("errors.py", PROGRAM)
        .expect("valid")
}

fn raised(module: &pyjit::Module, func: &str, args: &[Arg<'_>]) -> PyException {
    match module.function(func).and_then(|f| f.call(args)) {
        Err(Error::Runtime(exception)) => exception,
        other => panic!("{func}: expected a Python exception, got {other:?}"),
    }
}

#[test]
fn each_exception_type_comes_back_with_message_and_line() {
    let module = jit(Options::default());
    let data = [1.0, 2.0];
    let cases: Vec<(&str, Vec<Arg<'_>>, ExceptionKind, &str, u32)> = vec![
        (
            "divide",
            vec![Arg::Int(1), Arg::Int(0)],
            ExceptionKind::ZeroDivisionError,
            "integer division or modulo by zero",
            6,
        ),
        (
            "element",
            vec![Arg::array(&data), Arg::Int(2)],
            ExceptionKind::IndexError,
            "index 2 is out of bounds for axis 0 with size 2",
            10,
        ),
        (
            "element",
            vec![Arg::array(&data), Arg::Int(-3)],
            ExceptionKind::IndexError,
            "index -3 is out of bounds for axis 0 with size 2",
            10,
        ),
        (
            "root",
            vec![Arg::Float(-1.0)],
            ExceptionKind::ValueError,
            "math domain error",
            14,
        ),
        (
            "to_int",
            vec![Arg::Float(f64::NAN)],
            ExceptionKind::ValueError,
            "cannot convert float NaN to integer",
            18,
        ),
        (
            "to_int",
            vec![Arg::Float(f64::INFINITY)],
            ExceptionKind::OverflowError,
            "cannot convert float infinity to integer",
            18,
        ),
        (
            "checked",
            vec![Arg::Int(-1)],
            ExceptionKind::AssertionError,
            "x must be positive",
            22,
        ),
        (
            "allocate",
            vec![Arg::Int(1_000_000_000_000)],
            ExceptionKind::MemoryError,
            "Unable to allocate 7.28 TiB for an array with shape (1000000000000,) and data type float64",
            33,
        ),
        (
            "maybe",
            vec![Arg::Bool(false)],
            ExceptionKind::UnboundLocalError,
            "cannot access local variable 'y' where it is not associated with a value",
            40,
        ),
    ];
    for (func, args, kind, message, line) in cases {
        let exception = raised(&module, func, &args);
        assert_eq!(
            (exception.kind, exception.message.as_str(), exception.line),
            (kind, message, line),
            "{func}"
        );
        assert_eq!(exception.file, "errors.py");
    }
}

#[test]
fn recursion_100_000_deep_raises_recursion_error() {
    let module = jit(Options::default());
    let exception = raised(&module, "depth", &[Arg::Int(100_000)]);
    assert_eq!(exception.kind, ExceptionKind::RecursionError);
    assert_eq!(exception.message, "maximum recursion depth exceeded");
    // Mutual recursion counts every frame of the cycle.
    let exception = raised(&module, "ping", &[Arg::Int(100_000)]);
    assert_eq!(exception.kind, ExceptionKind::RecursionError);
    // Under the limit, the same functions run.
    let depth = module.function("depth").expect("defined");
    assert_eq!(
        depth.call(&[Arg::Int(9_000)]).expect("runs"),
        Value::Int(9_000)
    );
}

#[test]
fn deep_recursion_on_a_small_thread_stack_is_an_error_not_a_crash() {
    let module = jit(Options::default());
    let thread = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || {
            let depth = module.function("depth").expect("defined");
            (
                depth.call(&[Arg::Int(9_000)]),
                depth.call(&[Arg::Int(100_000)]),
            )
        })
        .expect("a thread");
    let (shallow, deep) = thread.join().expect("no crash");
    assert_eq!(shallow.expect("runs"), Value::Int(9_000));
    assert!(
        matches!(deep, Err(Error::Runtime(ref e)) if e.kind == ExceptionKind::RecursionError),
        "{deep:?}"
    );
}

#[test]
fn the_recursion_limit_is_an_option_and_counts_recursive_frames_exactly() {
    // The limit counts frames of functions on a call cycle, whoever calls
    // them: `depth(n)` is n + 1 of them, `ping(n)` 2n + 1 (with `pong`), and
    // `twice(n)`, which is not on a cycle, adds none to `depth`'s.
    for tier in [Tier::Fast, Tier::Optimized] {
        let module = jit(Options {
            max_recursion_depth: 100,
            tier,
            ..Options::default()
        });
        for (func, under, over, value) in [
            ("depth", 99, 100, 99),
            ("ping", 49, 50, 49),
            ("twice", 99, 100, 198),
        ] {
            let f = module.function(func).expect("defined");
            let result = f.call(&[Arg::Int(under)]);
            assert!(
                matches!(result, Ok(Value::Int(v)) if v == value),
                "{func}({under}) at the {tier:?} tier, 100 frames or fewer: {result:?}"
            );
            let exception = raised(&module, func, &[Arg::Int(over)]);
            assert_eq!(
                exception.kind,
                ExceptionKind::RecursionError,
                "{func}({over}) at the {tier:?} tier: over 100 frames"
            );
        }
    }
}

#[test]
fn without_bounds_checks_valid_indices_still_work() {
    let module = jit(Options {
        boundscheck: false,
        ..Options::default()
    });
    let data = [1.5, 2.5, 3.5];
    let element = module.function("element").expect("defined");
    assert_eq!(
        element
            .call(&[Arg::array(&data), Arg::Int(-1)])
            .expect("runs"),
        Value::Float(3.5)
    );
}
