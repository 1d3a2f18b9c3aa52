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
            foreach (var w in Neighbors(rowStarts, columns, v))
            {
                if (colors[w] >= 0)
                {
                    forbidden[colors[w]] = v;
                }
            }

            foreach (var w in Neighbors(rowStarts, columns, v))
            {
                foreach (var x in Neighbors(rowStarts, columns, w))
                {
                    if (x == v || colors[x] < 0)
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
        foreach (var y in Neighbors(rowStarts, columns, x))
        {
            if (y != w && colors[y] == colors[w])
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<int> Neighbors(int[] rowStarts, int[] columns, int vertex)
    {
        for (var k = rowStarts[vertex]; k < rowStarts[vertex + 1]; k++)
        {
            if (columns[k] != vertex)
            {
                yield return columns[k];
            }
        }
    }

    // Vertices with many neighbors first: a hub colored early lets its neighbors share one color (an arrowhead
    // matrix gets 2 colors instead of n).
    private static int[] LargestDegreeFirst(int[] rowStarts)
    {
        var order = Enumerable.Range(0, rowStarts.Length - 1).ToArray();
        var degree = order.Select(i => rowStarts[i + 1] - rowStarts[i]).ToArray();
        return order.OrderByDescending(i => degree[i]).ThenBy(i => i).ToArray();
    }
}
