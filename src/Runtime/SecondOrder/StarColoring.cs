namespace Leibniz;

/// <summary>
/// Greedy star coloring of the adjacency graph of a symmetric sparsity pattern (Gebremedhin, Manne and Pothen,
/// "What color is your Jacobian?", SIAM Review 2005): a distance-1 coloring in which every path on four vertices
/// uses at least three colors. That is what lets each off-diagonal entry of a symmetric matrix be read directly
/// from the product of the matrix with one color's seed vector, in one of its two rows.
/// </summary>
internal static class StarColoring
{
    /// <summary>
    /// Colors the vertices 0…n−1 of the graph whose neighbors of vertex i are
    /// <c>columns[rowStarts[i]..rowStarts[i + 1]]</c> without i itself.
    /// </summary>
    /// <returns>The color of each vertex (0, 1, …) and the number of colors.</returns>
    internal static (int[] Colors, int Count) Color(int[] rowStarts, int[] columns)
    {
        var n = rowStarts.Length - 1;
        var colors = new int[n];
        Array.Fill(colors, -1);

        // forbidden[c] == v marks color c as taken for vertex v: no clearing between vertices.
        var forbidden = new int[n + 1];
        Array.Fill(forbidden, -1);
        var count = 0;
        foreach (var v in LargestDegreeFirst(rowStarts))
        {
            for (var a = rowStarts[v]; a < rowStarts[v + 1]; a++)
            {
                if (columns[a] != v && colors[columns[a]] >= 0)
                {
                    forbidden[colors[columns[a]]] = v;
                }
            }

            for (var a = rowStarts[v]; a < rowStarts[v + 1]; a++)
            {
                var w = columns[a];
                if (w == v)
                {
                    continue;
                }

                for (var b = rowStarts[w]; b < rowStarts[w + 1]; b++)
                {
                    var x = columns[b];
                    if (x == v || x == w || colors[x] < 0)
                    {
                        continue;
                    }

                    // Through an uncolored w, v must differ from x (w's later color could pair with either);
                    // through a colored w, v may take x's color unless x already continues a two-colored path
                    // w–x–y, which v–w–x–y would turn into a two-colored path on four vertices.
                    if (colors[w] < 0 || ContinuesTwoColoredPath(rowStarts, columns, colors, x, w))
                    {
                        forbidden[colors[x]] = v;
                    }
                }
            }

            var color = 0;
            while (forbidden[color] == v)
            {
                color++;
            }

            colors[v] = color;
            count = Math.Max(count, color + 1);
        }

        return (colors, count);
    }

    private static bool ContinuesTwoColoredPath(int[] rowStarts, int[] columns, int[] colors, int x, int w)
    {
        for (var c = rowStarts[x]; c < rowStarts[x + 1]; c++)
        {
            var y = columns[c];
            if (y != w && y != x && colors[y] == colors[w])
            {
                return true;
            }
        }

        return false;
    }

    // Vertices with many neighbors first: a hub colored early lets its neighbors share one color (an arrowhead
    // matrix gets 2 colors instead of n). Ties keep index order.
    private static int[] LargestDegreeFirst(int[] rowStarts)
    {
        var n = rowStarts.Length - 1;
        var order = new int[n];
        var keys = new long[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
            keys[i] = -(long)(rowStarts[i + 1] - rowStarts[i]) * n + i;
        }

        Array.Sort(keys, order);
        return order;
    }
}
