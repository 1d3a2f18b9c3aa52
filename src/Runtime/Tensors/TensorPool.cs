using System.Numerics;

namespace Leibniz;

/// <summary>
/// Per-thread recycling of graph nodes and their buffers. A graph's nodes are handed back after
/// <see cref="Tensor.Backward()"/> and recycled when the next graph operation starts, so a steady-state
/// training step reuses the previous step's memory instead of allocating.
/// </summary>
internal sealed partial class TensorPool
{
    [ThreadStatic]
    private static TensorPool? s_current;

    private readonly List<float[]>[] _floatBuckets = NewBuckets<float>();
    private readonly List<double[]>[] _doubleBuckets = NewBuckets<double>();
    private readonly List<TensorNode> _freeNodes = [];
    private readonly List<TensorNode> _pending = [];

    public static TensorPool Current => s_current ??= new TensorPool();

    /// <summary>Traversal scratch for the backward pass, reused across calls.</summary>
    public readonly List<TensorNode> Order = [];

    /// <summary>Traversal scratch for the backward pass, reused across calls.</summary>
    public readonly List<(TensorNode Node, int Next)> Stack = [];

    public int Stamp;

    private static List<T[]>[] NewBuckets<T>()
    {
        var buckets = new List<T[]>[32];
        for (var i = 0; i < buckets.Length; i++)
        {
            buckets[i] = [];
        }

        return buckets;
    }

    private static int Bucket(int length) => length <= 1 ? 0 : BitOperations.Log2((uint)(length - 1)) + 1;

    /// <summary>A node for the result of a graph operation; its data is uninitialized.</summary>
    public TensorNode RentNode(DType dtype, int rank, int rows, int cols)
    {
        if (_pending.Count > 0)
        {
            ReleasePending();
        }

        TensorNode node;
        if (_freeNodes.Count > 0)
        {
            node = _freeNodes[^1];
            _freeNodes.RemoveAt(_freeNodes.Count - 1);
        }
        else
        {
            node = new TensorNode();
        }

        node.DType = dtype;
        node.SetShape(rank, rows, cols);
        node.Data = RentArray(dtype, rows * cols);
        node.OwnsData = true;
        node.RequiresGrad = true;
        node.Pool = this;
        return node;
    }

    /// <summary>A view node (reshape, detach) sharing <paramref name="source"/>'s data.</summary>
    public TensorNode RentView(TensorNode source, int rank, int rows, int cols)
    {
        var node = RentNode(source.DType, rank, rows, cols);
        ReturnArray(node.Data);
        node.Data = source.Data;
        node.OwnsData = false;
        return node;
    }

    public Array RentArray(DType dtype, int length)
    {
        var bucket = Bucket(length);
        if (dtype == DType.Float32)
        {
            var list = _floatBuckets[bucket];
            if (list.Count == 0)
            {
                return new float[1 << bucket];
            }

            var array = list[^1];
            list.RemoveAt(list.Count - 1);
            return array;
        }
        else
        {
            var list = _doubleBuckets[bucket];
            if (list.Count == 0)
            {
                return new double[1 << bucket];
            }

            var array = list[^1];
            list.RemoveAt(list.Count - 1);
            return array;
        }
    }

    public void ReturnArray(Array array)
    {
        // Only power-of-two arrays came from the buckets; anything else is left to the garbage collector.
        var length = array.Length;
        if (length == 0 || (length & (length - 1)) != 0)
        {
            return;
        }

        var bucket = Bucket(length);
        if (array is float[] floats)
        {
            _floatBuckets[bucket].Add(floats);
        }
        else
        {
            _doubleBuckets[bucket].Add((double[])array);
        }
    }

    /// <summary>Queues a node whose graph has been back-propagated; it is recycled when the next graph starts.</summary>
    public void MarkForRelease(TensorNode node)
    {
        if (node.Pool != this || node.PendingRelease)
        {
            return;
        }

        node.PendingRelease = true;
        _pending.Add(node);
    }

    private void ReleasePending()
    {
        foreach (var node in _pending)
        {
            node.Generation++;
            if (node.OwnsData)
            {
                ReturnArray(node.Data);
            }

            if (node.Grad is not null)
            {
                ReturnArray(node.Grad);
            }

            if (node.GradView is not null)
            {
                node.GradView.Generation++;
            }

            node.Data = null!;
            node.Grad = null;
            node.GradValid = false;
            node.A = null;
            node.B = null;
            node.Extra = null;
            node.Fused = null;
            node.PendingRelease = false;
            _freeNodes.Add(node);
        }

        _pending.Clear();
    }
}
