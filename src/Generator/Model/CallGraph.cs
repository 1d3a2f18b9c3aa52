using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace Leibniz.Generator.Model;

/// <summary>A call from a [Differentiable] method to another one.</summary>
/// <param name="CalleeKey">The callee's documentation ID.</param>
/// <param name="CalleeName">The callee's name, for messages.</param>
/// <param name="Location">The call.</param>
internal sealed record CallSite(string CalleeKey, string CalleeName, LocationInfo? Location);

/// <summary>One [Differentiable] method in the call graph: whether it has generated code, and whom it calls.</summary>
/// <param name="Key">The method's documentation ID.</param>
/// <param name="Name">The method's name, for messages.</param>
/// <param name="Generates">True when the method parsed into a model (its own errors, if any, are reported already).</param>
/// <param name="Calls">Its calls to [Differentiable] methods.</param>
internal sealed record MethodCalls(string Key, string Name, bool Generates, EquatableArray<CallSite> Calls);

/// <summary>
/// What the call graph of all [Differentiable] methods decides: which methods get no code (recursive ones, and callers
/// of a method without code, whose generated code would call members that do not exist) and the one diagnostic each
/// of them gets. Built after a Collect of the per-method calls, so each method's transform reads only that method.
/// </summary>
internal sealed record CallGraph(EquatableArray<string> Blocked, EquatableArray<DiagnosticInfo> Diagnostics)
{
    public bool IsBlocked(string key) => Blocked.Contains(key);

    public static CallGraph Judge(ImmutableArray<MethodCalls> methods)
    {
        var byKey = new Dictionary<string, MethodCalls>();
        foreach (var method in methods)
        {
            byKey[method.Key] = method;
        }

        var blocked = new HashSet<string>(methods.Where(m => !m.Generates).Select(m => m.Key));
        var diagnostics = new List<DiagnosticInfo>();
        foreach (var method in methods.Where(m => m.Generates))
        {
            if (method.Calls.FirstOrDefault(call => Reaches(call.CalleeKey, method.Key, byKey)) is { } recursive)
            {
                blocked.Add(method.Key);
                diagnostics.Add(DiagnosticInfo.Create(Generator.Diagnostics.Recursion, recursive.Location, method.Name, recursive.CalleeName));
            }
        }

        // A caller of a method without code has none either (its code would call the missing members), transitively.
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var method in methods.Where(m => !blocked.Contains(m.Key)))
            {
                if (method.Calls.FirstOrDefault(call => blocked.Contains(call.CalleeKey) && byKey.ContainsKey(call.CalleeKey)) is { } call)
                {
                    blocked.Add(method.Key);
                    diagnostics.Add(DiagnosticInfo.Create(Generator.Diagnostics.CalleeWithoutDerivative, call.Location, method.Name, call.CalleeName));
                    changed = true;
                }
            }
        }

        return new CallGraph(blocked.OrderBy(k => k, System.StringComparer.Ordinal).ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    private static bool Reaches(string start, string target, Dictionary<string, MethodCalls> byKey)
    {
        var visited = new HashSet<string>();
        var pending = new Stack<string>();
        pending.Push(start);
        while (pending.Count > 0)
        {
            var key = pending.Pop();
            if (key == target)
            {
                return true;
            }

            if (visited.Add(key) && byKey.TryGetValue(key, out var method))
            {
                foreach (var call in method.Calls)
                {
                    pending.Push(call.CalleeKey);
                }
            }
        }

        return false;
    }
}
