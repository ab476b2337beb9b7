using System.Collections.Immutable;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Reports.Tests.Architecture;

/// <summary>Namespace → namespace dependencies within one assembly, each with the type uses that make it.</summary>
internal sealed class NamespaceGraph
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields()
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    /// <summary>Every type, method and field a type of the assembly names in its method bodies, or (types of the assembly) in its declarations: "Reports.Merge.Merger.Merge", "System.IO.File.ReadAllBytes".</summary>
    public List<(string Namespace, string Type, string Used)> Uses { get; } = [];

    public Dictionary<(string From, string To), SortedSet<string>> Edges { get; } = [];

    public void Add(string from, string to, string use)
    {
        if (from == to)
        {
            return;
        }
        if (!Edges.TryGetValue((from, to), out var uses))
        {
            Edges[(from, to)] = uses = new SortedSet<string>(StringComparer.Ordinal);
        }
        uses.Add(use);
    }

    /// <summary>Every strongly connected group of two or more namespaces, as one cycle through it with the uses on each step.</summary>
    public List<(string Members, string Description)> Cycles()
    {
        var nodes = Edges.Keys.SelectMany(e => new[] { e.From, e.To }).Distinct().Order(StringComparer.Ordinal).ToList();
        var next = nodes.ToDictionary(n => n, n => Edges.Keys.Where(e => e.From == n).Select(e => e.To).Order(StringComparer.Ordinal).ToList());
        var found = new List<(string Members, string Description)>();
        foreach (var group in StronglyConnected(nodes, next).Where(g => g.Count > 1))
        {
            var path = ShortestCycle(group[0], group.ToHashSet(), next);
            var steps = path.Zip(path.Skip(1)).Select(s => $"  {s.First} → {s.Second}: {string.Join("; ", Edges[(s.First, s.Second)].Take(3))}");
            found.Add((string.Join(", ", group), $"{string.Join(" → ", path)} (all of: {string.Join(", ", group)})\n{string.Join("\n", steps)}"));
        }
        return found;
    }

    /// <summary>A shortest way round from <paramref name="start"/> back to it within the group: [start, …, start].</summary>
    private static List<string> ShortestCycle(string start, HashSet<string> group, Dictionary<string, List<string>> next)
    {
        var from = new Dictionary<string, string>();
        var queue = new Queue<string>([start]);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var to in next[node].Where(group.Contains))
            {
                if (to == start)
                {
                    var path = new List<string> { start };
                    for (var at = node; at != start; at = from[at])
                    {
                        path.Insert(1, at);
                    }
                    path.Add(start);
                    return path;
                }
                if (from.TryAdd(to, node))
                {
                    queue.Enqueue(to);
                }
            }
        }
        return [start];
    }

    private static List<List<string>> StronglyConnected(List<string> nodes, Dictionary<string, List<string>> next)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var groups = new List<List<string>>();
        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            foreach (var to in next[node])
            {
                if (!index.ContainsKey(to))
                {
                    Visit(to);
                    low[node] = Math.Min(low[node], low[to]);
                }
                else if (stack.Contains(to))
                {
                    low[node] = Math.Min(low[node], index[to]);
                }
            }
            if (low[node] == index[node])
            {
                var group = new List<string>();
                string popped;
                do
                {
                    popped = stack.Pop();
                    group.Add(popped);
                }
                while (popped != node);
                groups.Add(group.Order(StringComparer.Ordinal).ToList());
            }
        }
        foreach (var node in nodes.Where(n => !index.ContainsKey(n)))
        {
            Visit(node);
        }
        return groups;
    }

    public static NamespaceGraph Of(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var graph = new NamespaceGraph();
        var signatures = new TypesInSignature(reader);
        foreach (var handle in reader.TypeDefinitions)
        {
            var owner = Outermost(reader, handle);
            var from = reader.GetString(reader.GetTypeDefinition(owner).Namespace);
            if (from.Length == 0)
            {
                continue; // <Module>, <PrivateImplementationDetails>
            }
            var ownerName = reader.GetString(reader.GetTypeDefinition(owner).Name);
            foreach (var name in NamesUsed(reader, pe, handle))
            {
                graph.Uses.Add((from, ownerName, name));
            }
            foreach (var used in UsedTypes(reader, pe, handle, signatures))
            {
                var target = Outermost(reader, used);
                var to = reader.GetString(reader.GetTypeDefinition(target).Namespace);
                if (to.Length > 0)
                {
                    graph.Add(from, to, $"{ownerName} uses {reader.GetString(reader.GetTypeDefinition(target).Name)}");
                    graph.Uses.Add((from, ownerName, TypeName(reader, used)));
                }
            }
        }
        return graph;
    }

    private static TypeDefinitionHandle Outermost(MetadataReader reader, TypeDefinitionHandle handle)
    {
        while (reader.GetTypeDefinition(handle).GetDeclaringType() is { IsNil: false } declaring)
        {
            handle = declaring;
        }
        return handle;
    }

    /// <summary>The types of this assembly that one type names anywhere: its declaration, its members' signatures and attributes, its method bodies.</summary>
    private static IEnumerable<TypeDefinitionHandle> UsedTypes(MetadataReader reader, PEReader pe, TypeDefinitionHandle handle, TypesInSignature signatures)
    {
        var type = reader.GetTypeDefinition(handle);
        var used = new List<TypeDefinitionHandle>();
        void Entity(EntityHandle entity) => used.AddRange(signatures.OfEntity(entity));
        if (!type.BaseType.IsNil)
        {
            Entity(type.BaseType);
        }
        foreach (var implemented in type.GetInterfaceImplementations())
        {
            Entity(reader.GetInterfaceImplementation(implemented).Interface);
        }
        foreach (var attribute in type.GetCustomAttributes())
        {
            Entity(reader.GetCustomAttribute(attribute).Constructor);
        }
        foreach (var field in type.GetFields())
        {
            used.AddRange(signatures.OfField(reader.GetFieldDefinition(field).Signature));
        }
        foreach (var property in type.GetProperties())
        {
            used.AddRange(signatures.OfProperty(reader.GetPropertyDefinition(property).Signature));
        }
        foreach (var methodHandle in type.GetMethods())
        {
            var method = reader.GetMethodDefinition(methodHandle);
            used.AddRange(signatures.OfMethod(method.Signature));
            foreach (var attribute in method.GetCustomAttributes())
            {
                Entity(reader.GetCustomAttribute(attribute).Constructor);
            }
            if (method.RelativeVirtualAddress == 0)
            {
                continue;
            }
            var body = pe.GetMethodBody(method.RelativeVirtualAddress);
            if (!body.LocalSignature.IsNil)
            {
                used.AddRange(signatures.OfLocals(reader.GetStandaloneSignature(body.LocalSignature).Signature));
            }
            foreach (var token in Tokens(body.GetILReader()))
            {
                Entity(MetadataTokens.EntityHandle(token));
            }
        }
        return used;
    }

    private static IEnumerable<string> NamesUsed(MetadataReader reader, PEReader pe, TypeDefinitionHandle handle)
    {
        foreach (var methodHandle in reader.GetTypeDefinition(handle).GetMethods())
        {
            var method = reader.GetMethodDefinition(methodHandle);
            if (method.RelativeVirtualAddress == 0)
            {
                continue;
            }
            foreach (var token in Tokens(pe.GetMethodBody(method.RelativeVirtualAddress).GetILReader()))
            {
                if (NameOf(reader, MetadataTokens.EntityHandle(token)) is { } name)
                {
                    yield return name;
                }
            }
        }
    }

    /// <summary>"Namespace.Type" or "Namespace.Type.Member" of a token; null for what has no plain name (a generic instantiation's member).</summary>
    private static string? NameOf(MetadataReader reader, EntityHandle entity)
    {
        switch (entity.Kind)
        {
            case HandleKind.TypeDefinition:
                return TypeName(reader, (TypeDefinitionHandle)entity);
            case HandleKind.TypeReference:
                var type = reader.GetTypeReference((TypeReferenceHandle)entity);
                var outer = type.ResolutionScope.Kind == HandleKind.TypeReference ? NameOf(reader, (TypeReferenceHandle)type.ResolutionScope) : reader.GetString(type.Namespace);
                return $"{outer}.{reader.GetString(type.Name)}";
            case HandleKind.MethodDefinition:
                var method = reader.GetMethodDefinition((MethodDefinitionHandle)entity);
                return $"{TypeName(reader, method.GetDeclaringType())}.{reader.GetString(method.Name)}";
            case HandleKind.FieldDefinition:
                var field = reader.GetFieldDefinition((FieldDefinitionHandle)entity);
                return $"{TypeName(reader, field.GetDeclaringType())}.{reader.GetString(field.Name)}";
            case HandleKind.MemberReference:
                var member = reader.GetMemberReference((MemberReferenceHandle)entity);
                return member.Parent.Kind is HandleKind.TypeReference or HandleKind.TypeDefinition
                    ? $"{NameOf(reader, member.Parent)}.{reader.GetString(member.Name)}"
                    : null;
            case HandleKind.MethodSpecification:
                return NameOf(reader, reader.GetMethodSpecification((MethodSpecificationHandle)entity).Method);
            default:
                return null;
        }
    }

    private static string TypeName(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        var declaring = type.GetDeclaringType();
        return declaring.IsNil ? $"{reader.GetString(type.Namespace)}.{reader.GetString(type.Name)}" : $"{TypeName(reader, declaring)}.{reader.GetString(type.Name)}";
    }

    /// <summary>Every metadata token a method body's instructions carry (types, methods, fields), decoded instruction by instruction.</summary>
    private static IEnumerable<int> Tokens(BlobReader il)
    {
        var tokens = new List<int>();
        while (il.RemainingBytes > 0)
        {
            var first = il.ReadByte();
            var code = OpCodesByValue[first == 0xFE ? (short)(0xFE00 | il.ReadByte()) : first];
            switch (code.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    tokens.Add(il.ReadInt32());
                    break;
                case OperandType.InlineSwitch:
                    var targets = il.ReadInt32();
                    il.Offset += 4 * targets;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    il.Offset += 8;
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    il.Offset += 1;
                    break;
                case OperandType.InlineVar:
                    il.Offset += 2;
                    break;
                case OperandType.InlineNone:
                    break;
                default:
                    il.Offset += 4;
                    break;
            }
        }
        return tokens;
    }
}
