//! C names for Python names.
//!
//! Every name the generated code declares has a prefix that nothing else
//! uses: `v_` for Python variables and parameters, `bv_` for their "is
//! bound" flags, `t_` for the checker's temporaries, `e` for the emitter's,
//! `f<id>_` for functions, and `pj_` for the prelude. A Python variable
//! called `int`, `main`, `printf`, `NULL` or `pj_raise` therefore becomes
//! `v_int`, `v_main`, ... and can collide with nothing. Characters outside
//! ASCII letters, digits and `_` are spelled out ([`mangle`]).

use std::fmt::Write as _;

use pyjit_frontend::typed::{Function, Local, LocalId, LocalKind};

/// `prefix_name` for a Python name of ASCII letters, digits and `_`; for
/// any other name `prefixu_` and the name with `_` doubled and each other
/// character spelled `_x<hex>_` (`aλ` becomes `u_a_x3bb_` after the
/// prefix). The two forms differ right after the prefix, and each is
/// one-to-one, so no two Python names get one C name.
pub fn mangle(prefix: &str, name: &str) -> String {
    if name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return format!("{prefix}_{name}");
    }
    let mut out = format!("{prefix}u_");
    for c in name.chars() {
        match c {
            '_' => out.push_str("__"),
            c if c.is_ascii_alphanumeric() => out.push(c),
            c => {
                let _ = write!(out, "_x{:x}_", c as u32);
            }
        }
    }
    out
}

/// The C name of a local.
pub fn local(func: &Function, id: LocalId) -> String {
    local_name(func.local(id), id)
}

fn local_name(local: &Local, id: LocalId) -> String {
    match local.kind {
        LocalKind::Temp => format!("t_{}", id.0),
        LocalKind::Param | LocalKind::Variable => mangle("v", &local.name),
    }
}

/// The C name of the "is bound" flag of a local that may be read unbound.
pub fn bound_flag(func: &Function, id: LocalId) -> String {
    mangle("bv", &func.local(id).name)
}

/// The C name of the flag of a tracked local: 1 while it holds a NumPy
/// scalar, 0 while it holds a Python number.
pub fn numpy_flag(func: &Function, id: LocalId) -> String {
    mangle("nf", &func.local(id).name)
}

/// The C name of a compiled function.
pub fn function(func: &Function) -> String {
    function_name(func.id.0, &func.name)
}

/// The C name of function number `id` called `name` in Python.
pub fn function_name(id: u32, name: &str) -> String {
    mangle(&format!("f{id}"), name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_safe_in_c() {
        assert_eq!(mangle("v", "x_1"), "v_x_1");
        assert_eq!(mangle("v", "int"), "v_int");
        assert_eq!(mangle("v", "λ"), "vu__x3bb_");
        assert_eq!(mangle("v", "é_2"), "vu__xe9___2");
        // An ASCII name that looks like an escaped one stays apart from it.
        assert_ne!(mangle("v", "a_x3bb_"), mangle("v", "aλ"));
        assert_ne!(mangle("v", "u_a_x3bb_"), mangle("v", "aλ"));
    }
}
