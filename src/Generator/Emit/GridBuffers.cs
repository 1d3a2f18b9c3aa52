namespace Leibniz.Generator.Emit;

/// <summary>The gradient or tangent of a <c>T[,]</c> parameter is a caller-supplied <c>T[,]</c> of the same shape.</summary>
internal static class GridBuffers
{
    /// <summary>Throws ArgumentNullException for a null buffer and ArgumentException (naming it) when its shape differs from its argument's.</summary>
    public static void WriteCheck(CodeWriter writer, string parameter, string buffer, string role)
    {
        var (name, escaped) = (CSharpIdentifier.Escape(parameter), CSharpIdentifier.Escape(buffer));
        writer.Line($"global::System.ArgumentNullException.ThrowIfNull({escaped});");
        writer.Open($"if ({escaped}.GetLength(0) != {name}.GetLength(0) || {escaped}.GetLength(1) != {name}.GetLength(1))");
        writer.Line($"throw new global::System.ArgumentException(\"The {role} array must have the shape of '{parameter}' (\" + {name}.GetLength(0).ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \" × \" + {name}.GetLength(1).ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \"), but has shape \" + {escaped}.GetLength(0).ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \" × \" + {escaped}.GetLength(1).ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \".\", nameof({escaped}));");
        writer.Close();
    }
}
