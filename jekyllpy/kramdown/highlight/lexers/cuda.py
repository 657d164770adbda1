"""CUDA as Rouge 3.30's CUDA lexer tokenises it: C++ with CUDA's qualifiers as keywords and
its vector types as types."""

from __future__ import annotations

from ..regex_lexer import RegexLexer
from . import c

_KEYWORDS = c.CPP_KEYWORDS | frozenset("""__global__ __device__ __host__ __noinline__
__forceinline__ __constant__ __shared__ __managed__ __restrict__""".split())
_TYPES = c.CPP_TYPES | frozenset("""char1 char2 char3 char4 uchar1 uchar2 uchar3 uchar4 short1
short2 short3 short4 ushort1 ushort2 ushort3 ushort4 int1 int2 int3 int4 uint1 uint2 uint3
uint4 long1 long2 long3 long4 ulong1 ulong2 ulong3 ulong4 longlong1 longlong2 longlong3
longlong4 ulonglong1 ulonglong2 ulonglong3 ulonglong4 float1 float2 float3 float4 double1
double2 double3 double4 dim3""".split())

LEXER: RegexLexer = RegexLexer(
    c.make_states(True, lambda: LEXER, (_KEYWORDS, _TYPES, c.CPP_RESERVED)),
    start=("root", "bol"))
