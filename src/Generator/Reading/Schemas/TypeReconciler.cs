using System;
using System.Collections.Generic;
using System.Linq;
using ContractFirst.Generator.Model;

namespace ContractFirst.Generator.Reading;

/// <summary>
/// What only the whole model shows, once everything is built: base chains without loops, inherited properties declared
/// once (the base's win, whatever the order of building), discriminator mappings only to types that derive from
/// their base, and no union that is a branch of itself through other unions (reading it would never end).
/// </summary>
internal sealed class TypeReconciler(BuiltTypes types, ModelReporter report)
{
    public void Reconcile()
    {
        var objects = types.All.OfType<ObjectBuilder>().ToList();
        foreach (var obj in objects)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal) { obj.Name };
            for (var current = obj; current.BaseType is { } baseName;)
            {
                if (!types.TryGet(baseName, out var t) || t is not ObjectBuilder next || !seen.Add(baseName))
                {
                    if (t is ObjectBuilder) report.Conflict(current.Pointer, $"'{current.Name}' would derive from itself through '{baseName}'; it gets no base type");
                    current.BaseType = null;
                    break;
                }

                current = next;
            }
        }

        foreach (var obj in objects.Where(o => o.BaseType is not null).OrderBy(o => types.Ancestors(o).Count))
        {
            var inherited = new Dictionary<string, PropertyBuilder>(StringComparer.Ordinal);
            var inheritedNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (var p in types.Ancestors(obj).SelectMany(a => a.Properties))
            {
                if (!inherited.ContainsKey(p.WireName)) inherited[p.WireName] = p;
                inheritedNames.Add(p.Name);
            }

            obj.Properties.RemoveAll(p =>
            {
                if (!inherited.TryGetValue(p.WireName, out var kept)) return false;
                report.CategoryConflict(kept, p.Category, p.Pointer, obj.Name);
                obj.PropertiesByWireName.Remove(p.WireName);
                return true;
            });
            foreach (var p in obj.Properties.Where(p => inheritedNames.Contains(p.Name)))
            {
                obj.ReservedMemberNames.UnionWith(inheritedNames);
                p.Name = MemberNames.Renamed(p.Name, obj.ReservedMemberNames);
            }
        }

        foreach (var obj in objects.Where(o => o.DiscriminatorProperty is not null))
        {
            obj.DiscriminatorMappings.RemoveAll(m =>
            {
                if (types.DerivesFrom(m.TypeName, obj.Name)) return false;
                report.Conflict(obj.Pointer + "/discriminator/mapping/" + SchemaFacts.Escape(m.Value), $"the discriminator of '{obj.Name}' maps '{m.Value}' to '{m.TypeName}', which does not derive from '{obj.Name}' (a C# record has one base); that value is not dispatched");
                return true;
            });
        }

        BreakUnionCycles();
    }

    /// <summary>Drops the branch that closes a loop of unions (iteratively: the chain of unions can be long).</summary>
    private void BreakUnionCycles()
    {
        var unions = new Dictionary<string, UnionBuilder>(StringComparer.Ordinal);
        foreach (var union in types.All.OfType<UnionBuilder>()) unions[union.Name] = union;
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: on the path; true: done
        foreach (var start in unions.Values)
        {
            if (state.ContainsKey(start.Name)) continue;
            var stack = new Stack<(UnionBuilder Union, int Next)>();
            stack.Push((start, 0));
            state[start.Name] = false;
            while (stack.Count > 0)
            {
                var (union, next) = stack.Pop();
                if (next >= union.Variants.Count)
                {
                    state[union.Name] = true;
                    continue;
                }

                var variant = union.Variants[next];
                if (variant.Type.Kind == TypeKind.Model && unions.TryGetValue(variant.Type.Name, out var target))
                {
                    if (!state.TryGetValue(target.Name, out var done))
                    {
                        stack.Push((union, next + 1));
                        stack.Push((target, 0));
                        state[target.Name] = false;
                        continue;
                    }

                    if (!done)
                    {
                        report.Conflict(union.Pointer, $"'{union.Name}' and '{target.Name}' are branches of each other, so reading would never end; '{union.Name}' drops its '{variant.PropertyName}' branch");
                        union.Variants.RemoveAt(next);
                        stack.Push((union, next));
                        continue;
                    }
                }

                stack.Push((union, next + 1));
            }
        }
    }
}
