//! Values crossing into and out of compiled code.
//!
//! Arguments borrow: a slice passed as an array argument is the memory the
//! compiled code reads and writes, with no copy, so a writer needs a
//! `&mut` slice. Results own: a returned array is copied out of the
//! compiled code's allocation into a `Vec`.

use std::marker::PhantomData;

use pyjit_frontend::pyops::{float_repr, float32_repr};
use pyjit_frontend::types::{Scalar, Type};

use crate::error::Error;

/// An argument of a call.
#[derive(Clone, Debug)]
pub enum Arg<'a> {
    /// A Python `int` (`int64`).
    Int(i64),
    /// A Python `float` (`float64`).
    Float(f64),
    /// A `bool`.
    Bool(bool),
    /// An `np.int32`.
    Int32(i32),
    /// An `np.float32`.
    Float32(f32),
    /// A C-contiguous array, borrowed for the call.
    Array(ArrayArg<'a>),
}

/// An array argument: borrowed memory and its shape.
#[derive(Clone, Debug)]
pub struct ArrayArg<'a> {
    pub(crate) data: *mut u8,
    pub(crate) shape: [usize; 2],
    pub(crate) ndim: u8,
    pub(crate) elem: Scalar,
    pub(crate) writable: bool,
    _borrow: PhantomData<&'a mut [u8]>,
}

/// Element types an array argument can hold.
pub trait Element: Copy + 'static {
    /// The pyjit type of one element.
    const SCALAR: Scalar;
}

impl Element for f64 {
    const SCALAR: Scalar = Scalar::Float64;
}
impl Element for f32 {
    const SCALAR: Scalar = Scalar::Float32;
}
impl Element for i64 {
    const SCALAR: Scalar = Scalar::Int64;
}
impl Element for i32 {
    const SCALAR: Scalar = Scalar::Int32;
}
impl Element for bool {
    const SCALAR: Scalar = Scalar::Bool;
}

impl<'a> ArrayArg<'a> {
    fn new<T: Element>(data: *mut T, shape: [usize; 2], ndim: u8, writable: bool) -> ArrayArg<'a> {
        ArrayArg {
            data: data.cast(),
            shape,
            ndim,
            elem: T::SCALAR,
            writable,
            _borrow: PhantomData,
        }
    }

    /// The pyjit type of the array.
    pub fn ty(&self) -> Type {
        Type::array(self.elem, self.ndim)
    }
}

impl<'a> Arg<'a> {
    /// A read-only 1-D array. Compiled code that writes the argument is
    /// rejected at the call ([`Error::Argument`]).
    pub fn array<T: Element>(data: &'a [T]) -> Arg<'a> {
        Arg::Array(ArrayArg::new(
            data.as_ptr().cast_mut(),
            [data.len(), 1],
            1,
            false,
        ))
    }

    /// A 1-D array the compiled code may write.
    pub fn array_mut<T: Element>(data: &'a mut [T]) -> Arg<'a> {
        Arg::Array(ArrayArg::new(data.as_mut_ptr(), [data.len(), 1], 1, true))
    }

    /// A read-only 2-D array of `rows` x `cols`, row-major.
    pub fn array2<T: Element>(data: &'a [T], rows: usize, cols: usize) -> Result<Arg<'a>, Error> {
        check_shape(data.len(), rows, cols)?;
        Ok(Arg::Array(ArrayArg::new(
            data.as_ptr().cast_mut(),
            [rows, cols],
            2,
            false,
        )))
    }

    /// A 2-D array of `rows` x `cols`, row-major, that compiled code may
    /// write.
    pub fn array2_mut<T: Element>(
        data: &'a mut [T],
        rows: usize,
        cols: usize,
    ) -> Result<Arg<'a>, Error> {
        check_shape(data.len(), rows, cols)?;
        Ok(Arg::Array(ArrayArg::new(
            data.as_mut_ptr(),
            [rows, cols],
            2,
            true,
        )))
    }

    /// The pyjit type of the argument.
    pub fn ty(&self) -> Type {
        match self {
            Arg::Int(_) => Type::INT,
            Arg::Float(_) => Type::FLOAT,
            Arg::Bool(_) => Type::BOOL,
            Arg::Int32(_) => Type::Scalar(Scalar::Int32),
            Arg::Float32(_) => Type::Scalar(Scalar::Float32),
            Arg::Array(a) => a.ty(),
        }
    }
}

fn check_shape(len: usize, rows: usize, cols: usize) -> Result<(), Error> {
    if rows.checked_mul(cols) != Some(len) {
        return Err(Error::Argument(format!(
            "a {rows} x {cols} array needs {} elements, but the slice has {len}",
            rows.saturating_mul(cols)
        )));
    }
    Ok(())
}

impl From<i64> for Arg<'_> {
    fn from(v: i64) -> Self {
        Arg::Int(v)
    }
}
impl From<f64> for Arg<'_> {
    fn from(v: f64) -> Self {
        Arg::Float(v)
    }
}
impl From<bool> for Arg<'_> {
    fn from(v: bool) -> Self {
        Arg::Bool(v)
    }
}
impl From<i32> for Arg<'_> {
    fn from(v: i32) -> Self {
        Arg::Int32(v)
    }
}
impl From<f32> for Arg<'_> {
    fn from(v: f32) -> Self {
        Arg::Float32(v)
    }
}
impl<'a, T: Element> From<&'a [T]> for Arg<'a> {
    fn from(v: &'a [T]) -> Self {
        Arg::array(v)
    }
}
impl<'a, T: Element> From<&'a mut [T]> for Arg<'a> {
    fn from(v: &'a mut [T]) -> Self {
        Arg::array_mut(v)
    }
}
impl<'a, T: Element> From<&'a Vec<T>> for Arg<'a> {
    fn from(v: &'a Vec<T>) -> Self {
        Arg::array(v)
    }
}
impl<'a, T: Element> From<&'a mut Vec<T>> for Arg<'a> {
    fn from(v: &'a mut Vec<T>) -> Self {
        Arg::array_mut(v)
    }
}

/// The value a compiled function returned.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `None`.
    None,
    /// A Python `int`.
    Int(i64),
    /// A Python `float`.
    Float(f64),
    /// A `bool`.
    Bool(bool),
    /// An `np.int32`.
    Int32(i32),
    /// An `np.float32`.
    Float32(f32),
    /// An array the compiled code allocated, now owned by the caller.
    Array(Array),
}

/// An array returned by compiled code.
#[derive(Clone, Debug, PartialEq)]
pub struct Array {
    /// Extents: one for a 1-D array, two for a 2-D one.
    pub shape: Vec<usize>,
    /// The elements, row-major.
    pub data: ArrayData,
}

/// The elements of a returned array.
#[derive(Clone, Debug, PartialEq)]
pub enum ArrayData {
    /// `float64`
    Float64(Vec<f64>),
    /// `float32`
    Float32(Vec<f32>),
    /// `int64`
    Int64(Vec<i64>),
    /// `int32`
    Int32(Vec<i32>),
    /// `bool`
    Bool(Vec<bool>),
}

impl ArrayData {
    fn len(&self) -> usize {
        match self {
            ArrayData::Float64(v) => v.len(),
            ArrayData::Float32(v) => v.len(),
            ArrayData::Int64(v) => v.len(),
            ArrayData::Int32(v) => v.len(),
            ArrayData::Bool(v) => v.len(),
        }
    }

    /// `repr()` of element `i` as a Python value (`tolist()` semantics).
    fn repr_at(&self, i: usize) -> String {
        match self {
            ArrayData::Float64(v) => float_repr(v[i]),
            ArrayData::Float32(v) => float_repr(f64::from(v[i])),
            ArrayData::Int64(v) => v[i].to_string(),
            ArrayData::Int32(v) => v[i].to_string(),
            ArrayData::Bool(v) => {
                if v[i] {
                    "True".into()
                } else {
                    "False".into()
                }
            }
        }
    }
}

impl Value {
    /// `repr()` as CPython prints it for the same result: Python numbers as
    /// Python does (`1.0`, `1e+16`, `-0.0`, `nan`), NumPy scalars as NumPy 2
    /// does (`np.float32(0.1)`), arrays as lists (`tolist()`).
    pub fn repr(&self) -> String {
        match self {
            Value::None => "None".to_owned(),
            Value::Int(v) => v.to_string(),
            Value::Float(v) => float_repr(*v),
            Value::Bool(v) => {
                if *v {
                    "True".into()
                } else {
                    "False".into()
                }
            }
            Value::Int32(v) => format!("np.int32({v})"),
            Value::Float32(v) => format!("np.float32({})", float32_repr(*v)),
            Value::Array(a) => a.repr(),
        }
    }
}

impl Array {
    /// `repr()` of `tolist()`: `[1.0, 2.0]`, `[[1, 2], [3, 4]]`.
    pub fn repr(&self) -> String {
        let mut out = String::new();
        match self.shape.as_slice() {
            [_] => list(&mut out, &self.data, 0, self.data.len()),
            [rows, cols] => {
                out.push('[');
                for r in 0..*rows {
                    if r > 0 {
                        out.push_str(", ");
                    }
                    list(&mut out, &self.data, r * cols, *cols);
                }
                out.push(']');
            }
            _ => out.push_str("[]"),
        }
        out
    }
}

fn list(out: &mut String, data: &ArrayData, start: usize, len: usize) {
    out.push('[');
    for i in 0..len {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&data.repr_at(start + i));
    }
    out.push(']');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_print_as_cpython_prints_them() {
        assert_eq!(Value::Float(1e16).repr(), "1e+16");
        assert_eq!(Value::Float(-0.0).repr(), "-0.0");
        assert_eq!(Value::Float32(0.1).repr(), "np.float32(0.1)");
        assert_eq!(Value::Int32(-3).repr(), "np.int32(-3)");
        let a = Array {
            shape: vec![2, 2],
            data: ArrayData::Int64(vec![1, 2, 3, 4]),
        };
        assert_eq!(a.repr(), "[[1, 2], [3, 4]]");
        let b = Array {
            shape: vec![2],
            data: ArrayData::Float32(vec![0.5, 0.1]),
        };
        assert_eq!(b.repr(), "[0.5, 0.10000000149011612]");
    }
}
