using System.Globalization;
using nietras.SeparatedValues;

namespace Leibniz.Nn;

/// <summary>Turns a CSV file into a <see cref="Dataset"/>; Sep does the tokenizing, this class the checking.</summary>
internal static class CsvLoader
{
    private enum ColumnRole
    {
        Numeric,
        Categorical,
        Target,
        ClassTarget,
        Ignored,
    }

    public static Dataset Load(string path, string targetColumn, CsvOptions options)
    {
        if (!Enum.IsDefined(options.MissingValues))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MissingValues, "Unknown missing-value policy.");
        }

        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"The CSV file '{fullPath}' does not exist.", fullPath);
        }

        // Sep reads the header as an ordinary row so that this class, not Sep, reports duplicate or empty names.
        using var reader = OpenReader(fullPath, options.Separator);
        if (!reader.MoveNext() || IsBlank(reader.Current))
        {
            throw new CsvFormatException(fullPath, 1, null, null, "The file is empty; expected a header row with column names.");
        }

        var header = reader.Current[0..reader.Current.ColCount].ToStringsArray();
        var roles = AssignRoles(fullPath, header, targetColumn, options);
        var census = options.InferCategoricalColumns ? TakeCensus(fullPath, options.Separator, header.Length, roles) : null;
        var inferred = census is null ? [] : InferTextColumns(roles, census, header);
        var table = new RawTable(roles);
        var dropped = new List<int>();
        foreach (var row in reader)
        {
            var line = row.LineNumberFrom;
            if (row.ColCount != header.Length && IsBlank(row))
            {
                throw new CsvFormatException(
                    fullPath, line, null, null, "The line is blank. Remove it: blank lines are not skipped, so that no row can go missing unnoticed.");
            }

            if (row.ColCount != header.Length)
            {
                var column = Math.Min(row.ColCount, header.Length) + 1;
                throw new CsvFormatException(
                    fullPath,
                    line,
                    column,
                    column <= header.Length ? header[column - 1] : null,
                    Invariant($"The row has {row.ColCount} field{(row.ColCount == 1 ? "" : "s")} but the header has {header.Length} columns."));
            }

            if (!ReadRow(fullPath, row, header, roles, census, options.MissingValues, table))
            {
                dropped.Add(line);
            }
        }

        if (table.RowCount == 0)
        {
            var problem = dropped.Count == 0
                ? "The file has a header but no data rows."
                : Invariant($"Every one of the {dropped.Count} data rows has a missing value and was dropped.");
            throw new CsvFormatException(fullPath, dropped.Count == 0 ? 2 : dropped[^1], null, null, problem);
        }

        return table.ToDataset(header, dropped, inferred);
    }

    /// <summary>
    /// The first pass: counts numbers and text in every column whose type is not declared. It stops at the first
    /// malformed row, which the second pass reports with its line.
    /// </summary>
    private static CsvColumnCensus[] TakeCensus(string fullPath, char separator, int columns, ColumnRole[] roles)
    {
        var census = new CsvColumnCensus[columns];
        using var reader = OpenReader(fullPath, separator);
        reader.MoveNext();
        foreach (var row in reader)
        {
            if (row.ColCount != columns)
            {
                break;
            }

            for (var c = 0; c < columns; c++)
            {
                var text = row[c].Span;
                if (roles[c] is ColumnRole.Numeric or ColumnRole.Target && !text.IsWhiteSpace())
                {
                    census[c] = census[c].Count(text);
                }
            }
        }

        return census;
    }

    /// <summary>Turns the text columns of the census into categories (the target into classes); returns the feature columns turned.</summary>
    private static string[] InferTextColumns(ColumnRole[] roles, CsvColumnCensus[] census, string[] header)
    {
        var inferred = new List<string>();
        for (var c = 0; c < roles.Length; c++)
        {
            if (census[c].IsText && roles[c] == ColumnRole.Numeric)
            {
                roles[c] = ColumnRole.Categorical;
                inferred.Add(header[c]);
            }
            else if (census[c].IsText && roles[c] == ColumnRole.Target)
            {
                roles[c] = ColumnRole.ClassTarget;
            }
        }

        return [.. inferred];
    }

    private static SepReader OpenReader(string fullPath, char separator)
    {
        return Sep.New(separator).Reader(o => o with
        {
            HasHeader = false,
            CultureInfo = CultureInfo.InvariantCulture,
            DisableColCountCheck = true,
            Unescape = true,
            Trim = SepTrim.All,
        }).FromFile(fullPath);
    }

    private static bool IsBlank(SepReader.Row row) => row.ColCount == 1 && row[0].Span.IsWhiteSpace();

    private static ColumnRole[] AssignRoles(string fullPath, string[] header, string targetColumn, CsvOptions options)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            if (header[i].Length == 0)
            {
                throw new CsvFormatException(fullPath, 1, i + 1, null, "The header has an empty column name.");
            }

            if (!index.TryAdd(header[i], i))
            {
                throw new CsvFormatException(
                    fullPath, 1, i + 1, header[i], Invariant($"The column name is used twice (first in column {index[header[i]] + 1})."));
            }
        }

        var roles = new ColumnRole[header.Length];
        roles[Find(targetColumn, "target")] = ColumnRole.Target;
        foreach (var name in options.CategoricalColumns)
        {
            Assign(Find(name, "categorical"), ColumnRole.Categorical, name);
        }

        foreach (var name in options.IgnoredColumns)
        {
            Assign(Find(name, "ignored"), ColumnRole.Ignored, name);
        }

        if (!roles.Any(r => r is ColumnRole.Numeric or ColumnRole.Categorical))
        {
            throw new CsvFormatException(fullPath, 1, null, null, "No feature columns remain besides the target and the ignored columns.");
        }

        return roles;

        int Find(string name, string what) => index.TryGetValue(name, out var i)
            ? i
            : throw new CsvFormatException(
                fullPath, 1, null, null, $"The {what} column '{name}' is not in the header; the columns are: {string.Join(", ", header)}.");

        void Assign(int column, ColumnRole role, string name)
        {
            if (roles[column] == ColumnRole.Target && role == ColumnRole.Categorical)
            {
                roles[column] = ColumnRole.ClassTarget;
                return;
            }

            if (roles[column] != ColumnRole.Numeric)
            {
                throw new CsvFormatException(
                    fullPath, 1, column + 1, name, $"The column is declared {Describe(role)} but is already the {Describe(roles[column])} column.");
            }

            roles[column] = role;
        }
    }

    /// <returns><see langword="false"/> when the row was dropped for a missing value.</returns>
    private static bool ReadRow(
        string fullPath, SepReader.Row row, string[] header, ColumnRole[] roles, CsvColumnCensus[]? census, MissingValuePolicy policy, RawTable table)
    {
        // Dropping is decided before anything of the row is recorded, so a category seen only in dropped rows
        // does not become an all-zero one-hot column; the row's numbers are still checked, so a dropped row
        // cannot hide a malformed value.
        if (policy == MissingValuePolicy.DropRow && HasMissingValue(row, roles))
        {
            for (var c = 0; c < roles.Length; c++)
            {
                if (roles[c] is ColumnRole.Numeric or ColumnRole.Target && !row[c].Span.IsWhiteSpace())
                {
                    ParseNumber(fullPath, row, c, header, roles, census);
                }
            }

            return false;
        }

        table.BeginRow(row.LineNumberFrom);
        for (var c = 0; c < roles.Length; c++)
        {
            if (roles[c] == ColumnRole.Ignored)
            {
                continue;
            }

            var text = row[c].Span;
            if (text.IsWhiteSpace())
            {
                if (policy == MissingValuePolicy.Error || roles[c] is ColumnRole.Target or ColumnRole.ClassTarget)
                {
                    var advice = roles[c] is ColumnRole.Target or ColumnRole.ClassTarget
                        ? "A target cannot be missing; use MissingValuePolicy.DropRow to leave such rows out."
                        : "Choose a MissingValuePolicy (DropRow, or KeepAsNaN followed by a MeanImputer fitted on the training rows).";
                    throw new CsvFormatException(fullPath, row.LineNumberFrom, c + 1, header[c], $"The value is missing. {advice}");
                }

                table.AddMissing(c);
                continue;
            }

            if (roles[c] is ColumnRole.Categorical or ColumnRole.ClassTarget)
            {
                table.AddCategory(c, text);
                continue;
            }

            table.AddNumber(c, ParseNumber(fullPath, row, c, header, roles, census));
        }

        return true;
    }

    private static bool HasMissingValue(SepReader.Row row, ColumnRole[] roles)
    {
        for (var c = 0; c < roles.Length; c++)
        {
            if (roles[c] != ColumnRole.Ignored && row[c].Span.IsWhiteSpace())
            {
                return true;
            }
        }

        return false;
    }

    private static float ParseNumber(string fullPath, SepReader.Row row, int c, string[] header, ColumnRole[] roles, CsvColumnCensus[]? census)
    {
        var text = row[c].Span;
        if (float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && float.IsFinite(value))
        {
            return value;
        }

        var mixed = census is not null && census[c].Texts > 0
            ? census[c].Describe() + ". "
            : "";
        var advice = roles[c] == ColumnRole.Target
            ? mixed + "The target must be a finite number; for classes, every value must be a class name (or list the target in CsvOptions.CategoricalColumns)."
            : mixed + "Expected a finite number (invariant culture, '.' as decimal point); if the column holds categories, list it in CsvOptions.CategoricalColumns.";
        throw new CsvFormatException(fullPath, row.LineNumberFrom, c + 1, header[c], $"'{text}' is not a number. {advice}");
    }

    private static string Describe(ColumnRole role) => role switch
    {
        ColumnRole.Target or ColumnRole.ClassTarget => "target",
        ColumnRole.Categorical => "categorical",
        ColumnRole.Ignored => "ignored",
        _ => "numeric",
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The rows as read, before one-hot encoding: categories get provisional ids in order of appearance and are
    /// only sorted (and expanded) once all of them are known.
    /// </summary>
    private sealed class RawTable(ColumnRole[] roles)
    {
        private const int MissingCategory = -1;
        private readonly List<float> _numbers = [];
        private readonly List<int> _categoryIds = [];
        private readonly List<float> _targets = [];
        private readonly List<int> _classIds = [];
        private readonly List<int> _lines = [];
        private readonly Dictionary<int, Dictionary<string, int>> _categories = roles
            .Select((role, column) => (role, column))
            .Where(x => x.role is ColumnRole.Categorical or ColumnRole.ClassTarget)
            .ToDictionary(x => x.column, _ => new Dictionary<string, int>(StringComparer.Ordinal));

        public int RowCount => _lines.Count;

        public void BeginRow(int line) => _lines.Add(line);

        public void AddNumber(int column, float value)
        {
            if (roles[column] == ColumnRole.Target)
            {
                _targets.Add(value);
            }
            else
            {
                _numbers.Add(value);
            }
        }

        public void AddMissing(int column)
        {
            if (roles[column] == ColumnRole.Categorical)
            {
                _categoryIds.Add(MissingCategory);
            }
            else
            {
                _numbers.Add(float.NaN);
            }
        }

        public void AddCategory(int column, ReadOnlySpan<char> text)
        {
            var ids = _categories[column];
            var value = text.ToString();
            if (!ids.TryGetValue(value, out var id))
            {
                id = ids.Count;
                ids.Add(value, id);
            }

            (roles[column] == ColumnRole.ClassTarget ? _classIds : _categoryIds).Add(id);
        }

        public Dataset ToDataset(string[] header, List<int> dropped, IReadOnlyList<string> inferred)
        {
            // For each categorical column: provisional id -> position among its sorted values.
            var rank = new Dictionary<int, int[]>();
            var names = new List<string>();
            for (var c = 0; c < roles.Length; c++)
            {
                if (roles[c] == ColumnRole.Numeric)
                {
                    names.Add(header[c]);
                }
                else if (roles[c] == ColumnRole.Categorical)
                {
                    var values = _categories[c].Keys.Order(StringComparer.Ordinal).ToArray();
                    var ranks = new int[values.Length];
                    for (var r = 0; r < values.Length; r++)
                    {
                        ranks[_categories[c][values[r]]] = r;
                        names.Add($"{header[c]}={values[r]}");
                    }

                    rank[c] = ranks;
                }
            }

            var rows = RowCount;
            var width = names.Count;
            var features = new float[rows * width];
            var numbersPerRow = roles.Count(r => r == ColumnRole.Numeric);
            var categoriesPerRow = rank.Count;
            for (var i = 0; i < rows; i++)
            {
                var output = features.AsSpan(i * width, width);
                int o = 0, n = i * numbersPerRow, k = i * categoriesPerRow;
                for (var c = 0; c < roles.Length; c++)
                {
                    if (roles[c] == ColumnRole.Numeric)
                    {
                        output[o++] = _numbers[n++];
                    }
                    else if (roles[c] == ColumnRole.Categorical)
                    {
                        var ranks = rank[c];
                        var id = _categoryIds[k++];
                        var hot = output.Slice(o, ranks.Length);
                        if (id == MissingCategory)
                        {
                            hot.Fill(float.NaN);
                        }
                        else
                        {
                            hot[ranks[id]] = 1f;
                        }

                        o += ranks.Length;
                    }
                }
            }

            var target = Array.IndexOf(roles, ColumnRole.Target);
            if (target >= 0)
            {
                return new Dataset(features, width, [.. _targets], 1, names, [header[target]], [.. _lines], dropped, [], inferred);
            }

            // Class names in ordinal order; each row's target is the index of its class.
            target = Array.IndexOf(roles, ColumnRole.ClassTarget);
            var classes = _categories[target].Keys.Order(StringComparer.Ordinal).ToArray();
            var classRank = new int[classes.Length];
            for (var r = 0; r < classes.Length; r++)
            {
                classRank[_categories[target][classes[r]]] = r;
            }

            var targets = _classIds.Select(id => (float)classRank[id]).ToArray();
            return new Dataset(features, width, targets, 1, names, [header[target]], [.. _lines], dropped, classes, inferred);
        }
    }
}
