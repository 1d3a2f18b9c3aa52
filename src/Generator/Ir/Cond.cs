using System;

namespace Leibniz.Generator.Ir;

/// <summary>Kinds of boolean conditions (never differentiated).</summary>
internal enum CondOp
{
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Equal,
    NotEqual,
    And,
    Or,
    Not,
    True,
    False,

    /// <summary>The boolean local <see cref="Cond.A"/> (a <see cref="Op.Bool"/> node).</summary>
    Variable,
}

/// <summary>A boolean condition over values: a comparison of two value ids, or a combination of conditions.</summary>
internal sealed record Cond(CondOp Op, int A = 0, int B = 0, Cond? Left = null, Cond? Right = null)
{
    public static readonly Cond True = new(CondOp.True);

    public static Cond Compare(CondOp op, int a, int b) => new(op, a, b);

    public Cond Map(Func<int, int> map) => Op switch
    {
        CondOp.And or CondOp.Or => this with { Left = Left!.Map(map), Right = Right!.Map(map) },
        CondOp.Not => this with { Left = Left!.Map(map) },
        CondOp.True or CondOp.False => this,
        CondOp.Variable => this with { A = map(A) },
        _ => this with { A = map(A), B = map(B) },
    };

    public void Visit(Action<int> use)
    {
        switch (Op)
        {
            case CondOp.And or CondOp.Or:
                Left!.Visit(use);
                Right!.Visit(use);
                break;
            case CondOp.Not:
                Left!.Visit(use);
                break;
            case CondOp.True or CondOp.False:
                break;
            case CondOp.Variable:
                use(A);
                break;
            default:
                use(A);
                use(B);
                break;
        }
    }
}
