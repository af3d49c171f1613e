//! C names for Python names.
//!
//! Every name the generated code declares has a prefix that nothing else
//! uses: `v_` for Python variables and parameters, `bv_` for their "is
//! bound" flags, `t_` for the checker's temporaries, `e` for the emitter's,
//! `f<id>_` for functions, and `pj_` for the prelude. A Python variable
//! called `int`, `main`, `printf`, `NULL` or `pj_raise` therefore becomes
//! `v_int`, `v_main`, ... and can collide with nothing. Characters outside
//! ASCII letters, digits and `_` are spelled out (`λ` becomes `_u3bb_`).

use pyjit_frontend::typed::{Function, Local, LocalId, LocalKind};

/// The identifier characters of a Python name, made safe for C.
pub fn sanitize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            out.push(c);
        } else {
            out.push_str(&format!("_u{:x}_", c as u32));
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
        LocalKind::Param | LocalKind::Variable => format!("v_{}", sanitize(&local.name)),
    }
}

/// The C name of the "is bound" flag of a local that may be read unbound.
pub fn bound_flag(func: &Function, id: LocalId) -> String {
    format!("bv_{}", sanitize(&func.local(id).name))
}

/// The C name of a compiled function.
pub fn function(func: &Function) -> String {
    format!("f{}_{}", func.id.0, sanitize(&func.name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_safe_in_c() {
        assert_eq!(sanitize("x_1"), "x_1");
        assert_eq!(sanitize("λ"), "_u3bb_");
        assert_eq!(sanitize("é2"), "_ue9_2");
    }
}
