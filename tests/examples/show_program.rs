//! Print the generated program of a seed: `cargo run -p pyjit-tests
//! --example show_program -- SEED`.

#![allow(clippy::print_stdout)] // a command-line tool

fn main() {
    let seed = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let program = pyjit_tests::generate::Program::generate(seed);
    print!("{}", program.source());
    for call in &program.calls {
        println!("# call: f({})", call.join(", "));
    }
}
