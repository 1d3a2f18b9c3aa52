using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Leibniz.Generator.Ir;
using Leibniz.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Leibniz.Generator.Parse;

/// <summary>
/// <c>switch</c> expressions and statements on a number or an integer, lowered to a chain of real branches:
/// <c>if (pattern₁) … else if (pattern₂) … else default</c>, each pattern tested only when the ones before it failed
/// (so the branch not taken is never evaluated). Patterns: constants, relational (<c>&lt; 0</c>), <c>and</c>,
/// <c>or</c>, <c>not</c>, parentheses, the discard and <c>var v</c> (which names the value), with <c>when</c> guards.
/// </summary>
internal sealed partial class BodyLowering
{
    /// <summary>The switched value: its id as a number, and for an integer also its expression (for patterns that name it).</summary>
    private sealed record Subject(int Id, IntExpr? Integer);

    /// <summary>One switch section or arm: its test (null for the default) and what it runs.</summary>
    private sealed record Section(Func<Dictionary<ISymbol, object>, List<Stmt>, Cond>? Test, List<IOperation> Body);

    private Subject? LowerSubject(IOperation value, Dictionary<ISymbol, object> env, List<Stmt> output)
    {
        if (IsFloating(value.Type))
        {
            return new Subject(LowerExpression(value, env, output), null);
        }

        if (value.Type?.SpecialType == SpecialType.System_Int32)
        {
            var integer = LowerInt(value, env);
            return new Subject(Add(output, new Node(Op.IntValue, EquatableArray<int>.Empty, Integer: integer)), integer);
        }

        Report(value, $"switch on a value of type '{value.Type?.ToDisplayString() ?? "?"}'", $"switch on a {Keyword} or an int");
        return null;
    }

    private int LowerSwitchExpression(ISwitchExpressionOperation switchExpression, Dictionary<ISymbol, object> env, List<Stmt> output)
    {
        if (switchExpression.Arms.FirstOrDefault(a => a.Value is IThrowOperation or IConversionOperation { Operand: IThrowOperation }) is { } throwing)
        {
            Report(throwing.Value, "switch arm that throws", $"return a value instead (for example {Keyword}.NaN), or check the argument before calling the method");
            return Constant(output, 0);
        }

        if (LowerSubject(switchExpression.Value, env, output) is not { } subject)
        {
            return Constant(output, 0);
        }

        return LowerArms(switchExpression.Arms, 0, subject, env, output);
    }

    /// <summary>Arm <paramref name="k"/> and the ones after it; the last arm is taken when nothing before it matched.</summary>
    private int LowerArms(IReadOnlyList<ISwitchExpressionArmOperation> arms, int k, Subject subject, Dictionary<ISymbol, object> env, List<Stmt> output)
    {
        var arm = arms[k];
        if (k == arms.Count - 1)
        {
            Bind(arm.Pattern, subject, env);
            return LowerExpression(arm.Value, env, output);
        }

        var cond = Test(arm.Pattern, arm.Guard, subject, env, output);
        var thenOutput = new List<Stmt>();
        var thenValue = LowerExpression(arm.Value, Copy(env), thenOutput);
        var elseOutput = new List<Stmt>();
        var elseValue = LowerArms(arms, k + 1, subject, Copy(env), elseOutput);
        var id = _nextId++;
        output.Add(new If(cond, thenOutput.ToEquatableArray(), elseOutput.ToEquatableArray(), EquatableArray.Create(new Phi(id, thenValue, elseValue))));
        return id;
    }

    /// <summary>
    /// A switch statement. True when its sections return (or, in a loop, continue): then the rest of the sequence was
    /// lowered into every section and <paramref name="value"/> is the result, as for an <c>if</c> that returns.
    /// </summary>
    private bool LowerSwitchStatement(ISwitchOperation switchStatement, List<IOperation> rest, Dictionary<ISymbol, object> env, List<Stmt> output, out int? value)
    {
        value = null;
        var sections = new List<Section>();
        Section? otherwise = null;
        Subject? subject = null;
        foreach (var section in switchStatement.Cases)
        {
            var body = section.Body.ToList();
            bool Leaves(IOperation o) => o is IBranchOperation jump && (SymbolEqualityComparer.Default.Equals(jump.Target, switchStatement.ExitLabel) || jump.BranchKind == BranchKind.GoTo);
            if (body.LastOrDefault() is { } last && Leaves(last) && last is IBranchOperation { BranchKind: BranchKind.Break })
            {
                body.RemoveAt(body.Count - 1);
            }

            if (body.Select(o => Find(o, Leaves)).FirstOrDefault(b => b is not null) is { } jump)
            {
                Report(jump, "break or goto case before the end of a switch section", "end every section with break, return or continue, and use if/else inside the section");
                return false;
            }

            if (section.Clauses.Any(c => c is IDefaultCaseClauseOperation))
            {
                otherwise = new Section(null, body);
                continue;
            }

            var clauses = section.Clauses;
            sections.Add(new Section((e, o) => clauses.Select(c => ClauseTest(c, subject!, e, o)).Aggregate((a, b) => new Cond(CondOp.Or, Left: a, Right: b)), body));
        }

        subject = LowerSubject(switchStatement.Value, env, output);
        if (subject is null)
        {
            return false;
        }

        if (otherwise is not null)
        {
            sections.Add(otherwise);
        }

        var returns = sections.Any(s => s.Body.Any(ContainsReturn));
        var continues = sections.Any(s => s.Body.Any(ContainsContinue));
        if (_inLoop && !_inFunction && (continues || (_returnSlots is not null && returns)))
        {
            LowerSections(sections, 0, rest, switchStatement, env, output);
            return true;
        }

        if ((!_inLoop || _inFunction) && returns)
        {
            value = LowerReturningSections(sections, 0, rest, env, output);
            return true;
        }

        LowerSections(sections, 0, new List<IOperation>(), switchStatement, env, output);
        return false;
    }

    /// <summary>Sections <paramref name="k"/>… as nested branches whose locals are merged with phis; each runs <paramref name="tail"/> after its body.</summary>
    private void LowerSections(List<Section> sections, int k, List<IOperation> tail, IOperation at, Dictionary<ISymbol, object> env, List<Stmt> output)
    {
        if (k == sections.Count || sections[k].Test is not { } test)
        {
            LowerSequence((k == sections.Count ? Enumerable.Empty<IOperation>() : sections[k].Body).Concat(tail).ToList(), 0, env, output);
            return;
        }

        var cond = test(env, output);
        var thenEnv = Copy(env);
        var thenOutput = new List<Stmt>();
        LowerSequence(sections[k].Body.Concat(tail).ToList(), 0, thenEnv, thenOutput);
        var elseEnv = Copy(env);
        var elseOutput = new List<Stmt>();
        LowerSections(sections, k + 1, tail, at, elseEnv, elseOutput);
        output.Add(new If(cond, thenOutput.ToEquatableArray(), elseOutput.ToEquatableArray(), MergeBranches(at, env, thenEnv, elseEnv)));
    }

    /// <summary>Sections <paramref name="k"/>… of a switch whose sections return: each branch runs its body and then the rest of the method.</summary>
    private int LowerReturningSections(List<Section> sections, int k, List<IOperation> rest, Dictionary<ISymbol, object> env, List<Stmt> output)
    {
        if (k == sections.Count || sections[k].Test is not { } test)
        {
            var body = k == sections.Count ? Enumerable.Empty<IOperation>() : sections[k].Body;
            return LowerSequence(body.Concat(rest).ToList(), 0, env, output) ?? Constant(output, 0);
        }

        var cond = test(env, output);
        var thenOutput = new List<Stmt>();
        var thenValue = LowerSequence(sections[k].Body.Concat(rest).ToList(), 0, Copy(env), thenOutput) ?? Constant(thenOutput, 0);
        var elseOutput = new List<Stmt>();
        var elseValue = LowerReturningSections(sections, k + 1, rest, Copy(env), elseOutput);
        var id = _nextId++;
        output.Add(new If(cond, thenOutput.ToEquatableArray(), elseOutput.ToEquatableArray(), EquatableArray.Create(new Phi(id, thenValue, elseValue))));
        return id;
    }

    private Cond ClauseTest(ICaseClauseOperation clause, Subject subject, Dictionary<ISymbol, object> env, List<Stmt> output)
    {
        switch (clause)
        {
            case ISingleValueCaseClauseOperation single:
                return Equal(subject, single.Value, output);
            case IPatternCaseClauseOperation pattern:
                return Test(pattern.Pattern, pattern.Guard, subject, env, output);
            default:
                Report(clause, "case label", "use case constants, relational patterns (case < 0:), and/or/not and when guards");
                return Cond.True;
        }
    }

    /// <summary>The test of a pattern and its <c>when</c> guard (which sees the variables the pattern names).</summary>
    private Cond Test(IPatternOperation pattern, IOperation? guard, Subject subject, Dictionary<ISymbol, object> env, List<Stmt> output)
    {
        var cond = Pattern(pattern, subject, output);
        Bind(pattern, subject, env);
        return guard is null ? cond : cond.Op == CondOp.True ? LowerCondition(guard, env, output) : new Cond(CondOp.And, Left: cond, Right: LowerCondition(guard, env, output));
    }

    private Cond Pattern(IPatternOperation pattern, Subject subject, List<Stmt> output)
    {
        switch (pattern)
        {
            case IConstantPatternOperation constant:
                return Equal(subject, constant.Value, output);
            case IRelationalPatternOperation relational when Comparison(relational.OperatorKind) is { } comparison && PatternConstant(relational.Value, output) is { } bound:
                return Cond.Compare(comparison, subject.Id, bound);
            case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.And or BinaryOperatorKind.Or } binary:
                return new Cond(binary.OperatorKind == BinaryOperatorKind.And ? CondOp.And : CondOp.Or,
                    Left: Pattern(binary.LeftPattern, subject, output), Right: Pattern(binary.RightPattern, subject, output));
            case INegatedPatternOperation negated:
                return new Cond(CondOp.Not, Left: Pattern(negated.Pattern, subject, output));
            case IDiscardPatternOperation:
            case IDeclarationPatternOperation { MatchesNull: true }:
                return Cond.True;
            default:
                Report(pattern, "pattern", "use constants, relational patterns (< 0), and, or, not, the discard _ and var v");
                return Cond.True;
        }
    }

    /// <summary><c>var v</c> names the switched value in its guard and its arm.</summary>
    private void Bind(IPatternOperation pattern, Subject subject, Dictionary<ISymbol, object> env)
    {
        if (pattern is IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol local })
        {
            env[local] = subject.Integer is { } integer ? integer : subject.Id;
        }
    }

    /// <summary>A constant pattern: equality, except that a NaN constant matches NaN (as C# does).</summary>
    private Cond Equal(Subject subject, IOperation value, List<Stmt> output)
    {
        if (value.ConstantValue is { HasValue: true, Value: double or float } constant && double.IsNaN(Convert.ToDouble(constant.Value, CultureInfo.InvariantCulture)))
        {
            return Cond.Compare(CondOp.NotEqual, subject.Id, subject.Id);
        }

        return PatternConstant(value, output) is { } id ? Cond.Compare(CondOp.Equal, subject.Id, id) : Cond.True;
    }

    private int? PatternConstant(IOperation value, List<Stmt> output)
    {
        if (value.ConstantValue is { HasValue: true, Value: { } constant } && IsNumber(constant))
        {
            return Constant(output, Convert.ToDouble(constant, CultureInfo.InvariantCulture));
        }

        Report(value, "pattern that is not a number", "compare with numeric constants");
        return null;
    }

    /// <summary>True for a <c>break</c> that leaves a switch statement (not a loop).</summary>
    private static bool BreaksSwitch(IBranchOperation jump)
    {
        for (var parent = jump.Parent; parent is not null and not ILoopOperation; parent = parent.Parent)
        {
            if (parent is ISwitchOperation owner && SymbolEqualityComparer.Default.Equals(owner.ExitLabel, jump.Target))
            {
                return true;
            }
        }

        return false;
    }
}
