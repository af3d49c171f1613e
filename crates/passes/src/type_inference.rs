//! Type inference: decide the type of every value the builder left
//! `unknown`, and make every implicit conversion an explicit `convert`.
//!
//! Needs: SSA from the builder, where parameters, the return type and the
//! results of `const`, `convert`, `alloc` and `call` are declared, and
//! other results (phis above all, whose incoming values a loop decides
//! only after its body is typed) may be `unknown`.
//!
//! Guarantees: every value has a type that [`pyjit_ir::typing`] accepts
//! (the verifier's [`Phase::Typed`](pyjit_ir::verify::Phase::Typed)), with
//! a `convert` inserted where the operands of a binary operation, a
//! comparison or a `select` are scalars of different types (to their
//! promotion, `Scalar::promote`; an `int64` compared with a `float64`
//! stays, as that comparison is exact), and at the end of a predecessor
//! whose value flowing into a phi is narrower than the phi. Anything left
//! undecidable or ill-typed is a [`PassError`] naming the value and the
//! rule.
//!
//! The algorithm sweeps the blocks in reverse postorder (then unreachable
//! ones, so dead code is typed too) until no type changes. A phi takes the
//! promotion of its current type and the types flowing in that are known
//! so far (a loop's back edge is unknown in the first sweep); since
//! promotion only widens and there are five scalar types, the sweeps end.
//! Other results are recomputed each sweep from their operands as they
//! will be once converted, so a widened phi re-types what uses it.
//! Conversions are inserted only once the types are settled, so no
//! conversion is made for a type a later sweep abandons.

use pyjit_frontend::types::Scalar;
use pyjit_ir::typing::{exact_compare, mnemonic, result_type, result_type_with};
use pyjit_ir::{BlockId, Function, InstId, InstKind, Type, ValueId};
use rustc_hash::FxHashSet;

use crate::{PassError, PassReport};

/// Type every value of `func`, inserting conversions (see the module
/// documentation).
pub fn run(func: &mut Function) -> Result<PassReport, PassError> {
    for (what, ty) in func
        .params()
        .iter()
        .map(|&p| (format!("parameter {p}"), func.value_type(p)))
        .chain([("the return type".to_owned(), func.ret)])
    {
        if ty == Type::Unknown {
            return Err(PassError {
                message: format!("{what} of `{}` has no type", func.name),
                span: func.span,
            });
        }
    }
    let order = block_order(func);
    let inferred: FxHashSet<ValueId> = order
        .iter()
        .flat_map(|&b| func.insts(b).to_vec())
        .filter_map(|i| func.inst(i).result)
        .filter(|&v| func.value_type(v) == Type::Unknown)
        .collect();
    let mut changed = settle_types(func, &order, &inferred);
    changed |= insert_conversions(func, &order);
    check(func, &order)?;
    Ok(PassReport::changed(changed))
}

/// The reachable blocks in reverse postorder, then the others by id.
fn block_order(func: &Function) -> Vec<BlockId> {
    let mut order = func.rpo().to_vec();
    let reachable: FxHashSet<BlockId> = order.iter().copied().collect();
    order.extend(func.blocks().into_iter().filter(|b| !reachable.contains(b)));
    order
}

/// The least type both `a` and `b` fit in, if there is one; `unknown`
/// fits in anything.
fn join(a: Type, b: Type) -> Option<Type> {
    match (a, b) {
        (Type::Unknown, t) | (t, Type::Unknown) => Some(t),
        (Type::Scalar(x), Type::Scalar(y)) => Some(Type::Scalar(Scalar::promote(x, y))),
        (x, y) if x == y => Some(x),
        _ => None,
    }
}

/// Sweep until no inferred type changes; whether any type was set.
fn settle_types(func: &mut Function, order: &[BlockId], inferred: &FxHashSet<ValueId>) -> bool {
    let mut changed = false;
    // Phis only widen, through at most four promotions each; the bound
    // is a guard against a rule that is not monotone.
    let limit = 4 * func.value_count() + 2;
    for _ in 0..limit {
        let mut moved = false;
        for &b in order {
            for i in func.insts(b).to_vec() {
                let Some(v) = func.inst(i).result else {
                    continue;
                };
                if !inferred.contains(&v) {
                    continue;
                }
                let current = func.value_type(v);
                let new = match &func.inst(i).kind {
                    InstKind::Phi { incoming } => incoming
                        .iter()
                        .try_fold(current, |acc, &(_, x)| join(acc, func.value_type(x)))
                        .unwrap_or(current),
                    _ => {
                        let converted = conversions(func, i);
                        let type_of = |x: ValueId| {
                            converted
                                .iter()
                                .find(|c| c.0 == x)
                                .map_or(func.value_type(x), |c| Type::Scalar(c.1))
                        };
                        match result_type_with(func, i, type_of) {
                            Ok(Some(ty)) => ty,
                            _ => current,
                        }
                    }
                };
                if new != current {
                    func.set_value_type(v, new);
                    moved = true;
                    changed = true;
                }
            }
        }
        if !moved {
            break;
        }
    }
    changed
}

/// The operands of `inst` to convert, and to which type: the differing
/// scalar operands of a binary operation, comparison or `select`, to
/// their promotion.
fn conversions(func: &Function, inst: InstId) -> Vec<(ValueId, Scalar)> {
    let scalar = |v: ValueId| func.value_type(v).scalar();
    let (lhs, rhs, compare) = match func.inst(inst).kind {
        InstKind::Binary { lhs, rhs, .. } => (lhs, rhs, false),
        InstKind::Compare { lhs, rhs, .. } => (lhs, rhs, true),
        InstKind::Select {
            then, otherwise, ..
        } => (then, otherwise, false),
        _ => return Vec::new(),
    };
    let (Some(a), Some(b)) = (scalar(lhs), scalar(rhs)) else {
        return Vec::new();
    };
    if a == b || (compare && exact_compare(a, b)) {
        return Vec::new();
    }
    let to = Scalar::promote(a, b);
    // An `int64` compared with a float stays: widening the float to
    // `float64` makes the comparison the exact one.
    [(lhs, a), (rhs, b)]
        .into_iter()
        .filter(|&(_, s)| s != to && !(compare && exact_compare(s, to)))
        .map(|(v, _)| (v, to))
        .collect()
}

/// Make the conversions explicit; whether any was inserted.
fn insert_conversions(func: &mut Function, order: &[BlockId]) -> bool {
    let mut changed = false;
    for &b in order {
        let mut pos = 0;
        while pos < func.insts(b).len() {
            let i = func.insts(b)[pos];
            let span = func.inst(i).span;
            for (v, to) in conversions(func, i) {
                let (convert, result) =
                    func.make_inst(InstKind::Convert { arg: v }, Some(Type::Scalar(to)), span);
                let result = result.expect("made with a result");
                func.insert_at(b, pos, convert);
                pos += 1;
                let operands: Vec<&mut ValueId> = match func.inst_kind_mut(i) {
                    InstKind::Binary { lhs, rhs, .. } | InstKind::Compare { lhs, rhs, .. } => {
                        vec![lhs, rhs]
                    }
                    InstKind::Select {
                        then, otherwise, ..
                    } => vec![then, otherwise],
                    _ => unreachable!("only these convert operands"),
                };
                for operand in operands {
                    if *operand == v {
                        *operand = result;
                    }
                }
                changed = true;
            }
            pos += 1;
        }
    }
    // Values flowing into a wider phi, converted where they leave their
    // predecessor.
    for &b in order {
        for i in func.insts(b).to_vec() {
            let (InstKind::Phi { incoming }, Some(phi)) = (&func.inst(i).kind, func.inst(i).result)
            else {
                continue;
            };
            let Type::Scalar(to) = func.value_type(phi) else {
                continue;
            };
            let span = func.inst(i).span;
            let narrower: Vec<(usize, BlockId, ValueId)> = incoming
                .iter()
                .enumerate()
                .filter(|&(_, &(_, v))| {
                    func.value_type(v)
                        .scalar()
                        .is_some_and(|s| s != to && Scalar::promote(s, to) == to)
                })
                .map(|(k, &(from, v))| (k, from, v))
                .collect();
            for (k, from, v) in narrower {
                let (convert, result) =
                    func.make_inst(InstKind::Convert { arg: v }, Some(Type::Scalar(to)), span);
                func.place_at_end(from, convert);
                if let InstKind::Phi { incoming } = func.inst_kind_mut(i) {
                    incoming[k].1 = result.expect("made with a result");
                }
                changed = true;
            }
        }
    }
    changed
}

/// The first value left undecided or ill-typed, as an error.
fn check(func: &Function, order: &[BlockId]) -> Result<(), PassError> {
    for &b in order {
        for &i in func.insts(b) {
            let data = func.inst(i);
            let fail = |message: String| {
                Err(PassError {
                    message,
                    span: data.span,
                })
            };
            let name = mnemonic(&data.kind);
            let rule = match result_type(func, i) {
                Err(message) => return fail(message),
                Ok(rule) => rule,
            };
            let Some(v) = data.result else { continue };
            let ty = func.value_type(v);
            if ty == Type::Unknown {
                let mut undecided: Vec<String> = data
                    .kind
                    .args()
                    .into_iter()
                    .filter(|&x| func.value_type(x) == Type::Unknown)
                    .map(|x| x.to_string())
                    .collect();
                undecided.dedup();
                return fail(if undecided.is_empty() {
                    format!("cannot decide the type of {v}: `{name}` declares none")
                } else {
                    format!(
                        "cannot decide the type of {v}: `{name}` of {}, which {} no type",
                        undecided.join(", "),
                        if undecided.len() == 1 { "has" } else { "have" }
                    )
                });
            }
            if let Some(rule) = rule
                && rule != ty
            {
                return fail(format!("{v} is declared {ty}, but `{name}` gives {rule}"));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};
    use pyjit_frontend::Span;
    use pyjit_frontend::typed::BinOp;
    use pyjit_ir::types::ArrayType;
    use pyjit_ir::verify::{Phase, verify};
    use pyjit_ir::{Cmp, Const, FuncRef, Rules, Terminator};

    use super::*;

    const S: Span = Span { start: 0, end: 0 };
    const U: Type = Type::Unknown;

    /// Run the pass; show the function after it (which must verify as
    /// typed), or the error.
    fn check(mut func: Function, expect: Expect) {
        match run(&mut func) {
            Ok(report) => {
                if let Err(e) = verify(&func, Phase::Typed) {
                    panic!("type inference left broken IR:\n{e}");
                }
                assert!(report.changed);
                // A second run has nothing left to do.
                assert!(!run(&mut func).unwrap().changed);
                expect.assert_eq(&func.to_string());
            }
            Err(e) => expect.assert_eq(&format!("error: {e}\n")),
        }
    }

    fn binary(op: BinOp, lhs: ValueId, rhs: ValueId) -> InstKind {
        InstKind::Binary {
            op,
            rules: Rules::Python,
            lhs,
            rhs,
        }
    }

    fn set_incoming(func: &mut Function, phi: ValueId, incoming: Vec<(BlockId, ValueId)>) {
        let inst = func.defining_inst(phi).expect("a phi");
        *func.inst_kind_mut(inst) = InstKind::Phi { incoming };
    }

    #[test]
    fn loop_phis_are_typed_from_their_back_edges() {
        // s = 0; i = 0
        // while i < n: s = s + 0.5; i = i + 1
        // return s
        let mut func = Function::new(FuncRef(0), "total", &[Type::INT], Type::FLOAT);
        let n = func.params()[0];
        let entry = func.entry();
        let (header, body, exit) = (func.add_block(), func.add_block(), func.add_block());
        let s0 = func.append(entry, InstKind::Const(Const::Int(0)), Type::INT, S);
        let i0 = func.append(entry, InstKind::Const(Const::Int(0)), Type::INT, S);
        func.set_jump(entry, header);
        let s = func.add_phi(header, U, S);
        let i = func.add_phi(header, U, S);
        let more = func.append(
            header,
            InstKind::Compare {
                op: Cmp::Lt,
                lhs: i,
                rhs: n,
            },
            U,
            S,
        );
        func.set_branch(header, more, body, exit);
        let half = func.append(body, InstKind::Const(Const::Float(0.5)), Type::FLOAT, S);
        let s1 = func.append(body, binary(BinOp::Add, s, half), U, S);
        let one = func.append(body, InstKind::Const(Const::Int(1)), Type::INT, S);
        let i1 = func.append(body, binary(BinOp::Add, i, one), U, S);
        func.set_jump(body, header);
        func.set_exit(exit, Terminator::Return(Some(s)));
        set_incoming(&mut func, s, vec![(entry, s0), (body, s1)]);
        set_incoming(&mut func, i, vec![(entry, i0), (body, i1)]);
        // `s` is int64 until the back edge says float64; the `add` in the
        // body is then re-typed, and only the entry's 0 is converted.
        check(
            func,
            expect![[r#"
                fn f0 total(v0: int64) -> float64 {
                bb0:
                    v1 = const 0 : int64
                    v2 = const 0 : int64
                    v10 = convert v1 : float64
                    jump bb1
                bb1:
                    v3 = phi [v10, bb0], [v7, bb2] : float64
                    v4 = phi [v2, bb0], [v9, bb2] : int64
                    v5 = lt v4, v0 : bool
                    br v5, bb2, bb3
                bb2:
                    v6 = const 0.5 : float64
                    v7 = add v3, v6 : float64
                    v8 = const 1 : int64
                    v9 = add v4, v8 : int64
                    jump bb1
                bb3:
                    ret v3
                }
            "#]],
        );
    }

    #[test]
    fn mixed_operands_are_converted_to_their_promotion() {
        let i32_ = Type::Scalar(Scalar::Int32);
        let mut func = Function::new(
            FuncRef(0),
            "mixed",
            &[Type::INT, Type::FLOAT, i32_],
            Type::FLOAT,
        );
        let [a, x, k] = func.params() else {
            unreachable!()
        };
        let (a, x, k) = (*a, *x, *k);
        let entry = func.entry();
        let sum = func.append(entry, binary(BinOp::Add, a, x), U, S);
        let wider = func.append(entry, binary(BinOp::Mul, k, a), U, S);
        let _ = func.append(
            entry,
            InstKind::Compare {
                op: Cmp::Lt,
                lhs: a,
                rhs: x,
            },
            U,
            S,
        );
        let small = func.append(
            entry,
            InstKind::Compare {
                op: Cmp::Gt,
                lhs: k,
                rhs: x,
            },
            U,
            S,
        );
        let _ = func.append(
            entry,
            InstKind::Select {
                cond: small,
                then: wider,
                otherwise: sum,
            },
            U,
            S,
        );
        func.set_exit(entry, Terminator::Return(Some(sum)));
        // int64 + float64 converts the int64; int32 * int64 the int32;
        // int64 < float64 is exact and stays; int32 > float64 converts.
        check(
            func,
            expect![[r#"
                fn f0 mixed(v0: int64, v1: float64, v2: int32) -> float64 {
                bb0:
                    v8 = convert v0 : float64
                    v3 = add v8, v1 : float64
                    v9 = convert v2 : int64
                    v4 = mul v9, v0 : int64
                    v5 = lt v0, v1 : bool
                    v10 = convert v2 : float64
                    v6 = gt v10, v1 : bool
                    v11 = convert v4 : float64
                    v7 = select v6, v11, v3 : float64
                    ret v3
                }
            "#]],
        );
    }

    #[test]
    fn a_phi_of_int64_and_float64_converts_the_int64_in_its_predecessor() {
        // x = 1 if c else 2.5
        let mut func = Function::new(FuncRef(0), "pick", &[Type::BOOL], Type::FLOAT);
        let c = func.params()[0];
        let entry = func.entry();
        let (then, otherwise, join) = (func.add_block(), func.add_block(), func.add_block());
        func.set_branch(entry, c, then, otherwise);
        let one = func.append(then, InstKind::Const(Const::Int(1)), Type::INT, S);
        func.set_jump(then, join);
        let half = func.append(
            otherwise,
            InstKind::Const(Const::Float(2.5)),
            Type::FLOAT,
            S,
        );
        func.set_jump(otherwise, join);
        let x = func.add_phi(join, U, S);
        set_incoming(&mut func, x, vec![(then, one), (otherwise, half)]);
        func.set_exit(join, Terminator::Return(Some(x)));
        check(
            func,
            expect![[r#"
                fn f0 pick(v0: bool) -> float64 {
                bb0:
                    br v0, bb1, bb2
                bb1:
                    v1 = const 1 : int64
                    v4 = convert v1 : float64
                    jump bb3
                bb2:
                    v2 = const 2.5 : float64
                    jump bb3
                bb3:
                    v3 = phi [v4, bb1], [v2, bb2] : float64
                    ret v3
                }
            "#]],
        );
    }

    #[test]
    fn an_array_plus_an_int_is_reported() {
        let array = Type::Array(ArrayType {
            elem: Scalar::Float64,
            ndim: 1,
        });
        let mut func = Function::new(FuncRef(0), "bad", &[array, Type::INT], Type::None);
        let [a, n] = func.params() else {
            unreachable!()
        };
        let (a, n) = (*a, *n);
        let entry = func.entry();
        let _ = func.append(entry, binary(BinOp::Add, a, n), U, S);
        func.set_exit(entry, Terminator::Return(None));
        check(
            func,
            expect![[r#"
                error: `add` needs operands of one type, found v0: float64[:] and v1: int64
            "#]],
        );
    }

    #[test]
    fn a_value_nothing_decides_is_reported() {
        // A constant the builder did not declare, and a loop fed only by it.
        let mut func = Function::new(FuncRef(0), "spin", &[], Type::None);
        let entry = func.entry();
        let header = func.add_block();
        let c = func.append(entry, InstKind::Const(Const::Int(1)), U, S);
        func.set_jump(entry, header);
        let x = func.add_phi(header, U, S);
        let y = func.append(header, binary(BinOp::Add, x, x), U, S);
        set_incoming(&mut func, x, vec![(entry, c), (header, y)]);
        func.set_jump(header, header);
        check(
            func,
            expect![[r#"
                error: cannot decide the type of v0: `const` declares none
            "#]],
        );
    }
}
