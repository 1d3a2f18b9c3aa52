using CsCheck;
using Leibniz.Symbolic;

namespace Leibniz.Symbolic.Tests;

public sealed class SimplifierTests
{
    private static readonly RegressionData Points = RandomTrees.Data(3, 40, seed: 5, -3, 3);

    [Fact]
    public void A_simplified_tree_evaluates_as_the_original_wherever_that_is_finite()
    {
        RandomTrees.Gen(3, 30, Symbol.Add, Symbol.Sub, Symbol.Mul, Symbol.Div, Symbol.Sin, Symbol.Exp, Symbol.Sqrt, Symbol.Log)
            .Sample(nodes =>
            {
                var original = Term.FromNodes(nodes);
                var simplified = Simplifier.Simplify(original);
                Assert.True(simplified.Length <= original.Length);
                for (var r = 0; r < Points.Rows; r++)
                {
                    var point = Points.Row(r);
                    var expected = original.Evaluate(point);
                    if (RandomTrees.WellConditioned(nodes, point))
                    {
                        var actual = simplified.Evaluate(point);
                        Assert.True(Close.Enough(expected, actual, 1e-7), $"{original} → {simplified}: {expected:R} vs {actual:R}");
                    }
                }
            }, iter: 500);
    }

    [Fact]
    public void Simplification_reaches_a_fixed_point()
    {
        RandomTrees.Gen(2, 25, Symbol.Add, Symbol.Sub, Symbol.Mul, Symbol.Div, Symbol.Cos).Sample(nodes =>
        {
            var once = Simplifier.Simplify(Term.FromNodes(nodes));
            Assert.True(Simplifier.Simplify(once).SameAs(once), once.ToString());
        }, iter: 300);
    }

    [Theory]
    [InlineData("x0 + 0", "x0")]
    [InlineData("x0 * 1", "x0")]
    [InlineData("x0 * 0", "0")]
    [InlineData("x0 - x0", "0")]
    [InlineData("x0 / x0", "1")]
    [InlineData("x0 + x0", "2·x0")]
    [InlineData("2 * (3 * x0)", "6·x0")]
    [InlineData("x1 + 2 + 3", "5 + x1")]
    [InlineData("(2 * x0) * (3 * x1)", "6·x0·x1")]
    [InlineData("x1 * x0", "x0·x1")]
    [InlineData("x0 - 2", "-2 + x0")]
    [InlineData("x0 / 4", "0.25·x0")]
    [InlineData("sin(2 * 0.5)", "0.841471")]
    [InlineData("x0 - 3 * x1", "x0 − 3·x1")]
    [InlineData("3 * sin(0 - x0)", "(-3)·sin(x0)")]
    [InlineData("cos(0 - 2 * x0)", "cos(2·x0)")]
    [InlineData("cos(0 - x0)", "cos(x0)")]
    [InlineData("x0 * x1 / x0", "x1")]
    [InlineData("2 * (x0 + 3 * x1) - 6 * x1", "2·x0")]
    public void Rules(string input, string expected) =>
        Assert.Equal(expected, Simplifier.Simplify(Parse(input)).ToString());

    [Fact]
    public void Snapping_keeps_a_simple_value_only_when_the_error_does_not_grow()
    {
        var data = RandomTrees.Data(1, 50, seed: 6, -3, 3);
        for (var i = 0; i < data.Rows; i++)
        {
            data.Target[i] = Math.Cos(2 * Math.PI * data.Column(0)[i]) / 3;
        }

        // Fitted constants off by 1e-12 snap to 2π and 1/3 (the error falls); a true 0.34 is within 2% of 1/3 but stays.
        var nearly = Term.Apply(Symbol.Mul, Term.Constant(1.0 / 3 + 1e-12), Term.Apply(Symbol.Cos, Term.Apply(Symbol.Mul, Term.Constant(2 * Math.PI * (1 + 1e-12)), Term.Input(0))));
        var (snapped, error) = ConstantSnapper.Snap(nearly, data);
        Assert.Equal("1/3·cos(2π·x0)", snapped.ToString());
        Assert.True(error < 1e-28);

        for (var i = 0; i < data.Rows; i++)
        {
            data.Target[i] = 0.34 * Math.Cos(2 * Math.PI * data.Column(0)[i]);
        }

        var off = Term.Apply(Symbol.Mul, Term.Constant(0.34), Term.Apply(Symbol.Cos, Term.Apply(Symbol.Mul, Term.Constant(2 * Math.PI), Term.Input(0))));
        Assert.StartsWith("0.34·", ConstantSnapper.Snap(off, data, tolerance: 0.05).Term.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(23 / (12 * Math.PI), "23/(12π)", 23 / (12 * Math.PI))]
    [InlineData(3 / Math.PI, "3/π", 3 / Math.PI)]
    [InlineData(-Math.PI / 2, "-π/2", -Math.PI / 2)]
    [InlineData(2.5, "5/2", 2.5)]
    public void A_snapped_constant_reads_as_its_value(double value, string math, double expected)
    {
        var snapped = ConstantSnapper.Candidates(value * (1 + 1e-9), 1e-6).Skip(1).First();
        Assert.Equal(math, snapped.Known!.Math);
        Assert.Equal(expected, snapped.Value, 1e-15);
    }

    // A tiny parser for the rule table: + − * / with the usual precedence, parentheses, x0.., numbers, sin(…).
    private static Term Parse(string text)
    {
        var position = 0;
        var term = Sum();
        return term;

        Term Sum()
        {
            var left = Product();
            while (Peek() is '+' or '-')
            {
                var op = text[position++];
                left = Term.Apply(op == '+' ? Symbol.Add : Symbol.Sub, left, Product());
            }

            return left;
        }

        Term Product()
        {
            var left = Atom();
            while (Peek() is '*' or '/')
            {
                var op = text[position++];
                left = Term.Apply(op == '*' ? Symbol.Mul : Symbol.Div, left, Atom());
            }

            return left;
        }

        Term Atom()
        {
            Peek();
            if (text[position] == '(')
            {
                position++;
                var inner = Sum();
                Peek();
                position++;
                return inner;
            }

            var start = position;
            while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] == '.'))
            {
                position++;
            }

            var word = text[start..position];
            if (word.StartsWith('x'))
            {
                return Term.Input(int.Parse(word[1..], System.Globalization.CultureInfo.InvariantCulture));
            }

            if (char.IsLetter(word[0]))
            {
                Peek();
                position++;
                var argument = Sum();
                Peek();
                position++;
                return Term.Apply(Symbols.Parse(word), argument);
            }

            return Term.Constant(double.Parse(word, System.Globalization.CultureInfo.InvariantCulture));
        }

        char Peek()
        {
            while (position < text.Length && text[position] == ' ')
            {
                position++;
            }

            return position < text.Length ? text[position] : '\0';
        }
    }
}
