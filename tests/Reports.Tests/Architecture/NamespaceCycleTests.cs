using System.Collections.Immutable;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using Reports.Templates;

namespace Reports.Tests.Architecture;

/// <summary>
/// The namespaces of Reports.Core form no cycle: the compute core (definitions, rosters, intake, store, versions,
/// merge, analysis, results) knows no renderer, and a renderer does not reach back into what calls it. Read from the
/// compiled assembly's metadata (System.Reflection.Metadata), so nothing a type uses escapes: base types, interfaces,
/// fields, signatures, attributes, locals and every type, method and field a method body names (lambdas and
/// iterators count for the type that wrote them). A cycle fails naming its namespaces and the types that close it.
/// Replaces a grep over the sources and a reflection-based IL scan, which each saw only part of this.
/// </summary>
public sealed class NamespaceCycleTests
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields()
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    /// <summary>
    /// The cycles still open, each by its namespaces and whose work breaks it (issue 23). Each must still exist: the
    /// change that breaks one removes it here, and no other cycle may appear.
    /// </summary>
    private static readonly Dictionary<string, string> Open = new(StringComparer.Ordinal)
    {
        // IntakeProcessor decides versions (VersionSelector) and the versions are of intake results: the ledger (item 1) takes the deciding out of intake.
        ["Reports.Intake, Reports.Versions"] = "the ledger",
        // ReturnResult carries the narrative rendered with the briefing's renderer: the narrative moves into the briefing (item 6, after the ledger's ReturnResult).
        ["Reports.Outputs.Briefing, Reports.Results"] = "the narrative rendered in the briefing",
        // RunPipeline lists the outputs, and the outputs take RunOptions, RunResult and OutputFile from the pipeline.
        ["Reports.Pipeline, Reports.Pipeline.Outputs"] = "the run's types below the outputs",
    };

    [Fact]
    public void The_namespaces_of_the_core_form_no_cycle_but_the_open_ones()
    {
        var graph = NamespaceGraph.Of(typeof(TemplateGenerator).Assembly.Location);
        Assert.True(graph.Edges.Count > 20, $"only {graph.Edges.Count} namespace dependencies found: the scan is broken");
        var cycles = graph.Cycles();
        var unexpected = cycles.Where(c => !Open.ContainsKey(c.Members)).Select(c => c.Description).ToList();
        Assert.True(unexpected.Count == 0, "namespace cycles:\n" + string.Join("\n", unexpected));
        var closed = Open.Keys.Where(k => cycles.All(c => c.Members != k)).ToList();
        Assert.True(closed.Count == 0, "no longer a cycle, take it off the open list: " + string.Join("; ", closed));
    }

    [Fact]
    public void The_scan_finds_a_dependency_made_only_inside_a_method_body()
    {
        // UpwardReturnWriter (Reports.Outputs) calls ReturnFiller (Reports.Templates) only in a method body.
        var graph = NamespaceGraph.Of(typeof(TemplateGenerator).Assembly.Location);
        Assert.Contains(("Reports.Outputs", "Reports.Templates"), graph.Edges.Keys);
        Assert.Contains(graph.Edges[("Reports.Outputs", "Reports.Templates")], use => use.Contains("UpwardReturnWriter", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cycle_is_found_and_named()
    {
        var graph = new NamespaceGraph();
        graph.Add("A", "B", "A.X uses B.Y");
        graph.Add("B", "C", "B.Y uses C.Z");
        graph.Add("C", "A", "C.Z uses A.X");
        graph.Add("C", "D", "C.Z uses D.W");
        var cycle = Assert.Single(graph.Cycles());
        Assert.Equal("A, B, C", cycle.Members);
        Assert.Contains("A → B → C → A", cycle.Description);
        Assert.Contains("C.Z uses A.X", cycle.Description);
    }

    /// <summary>Namespace → namespace dependencies within one assembly, each with the type uses that make it.</summary>
    private sealed class NamespaceGraph
    {
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
                foreach (var used in UsedTypes(reader, pe, handle, signatures))
                {
                    var target = Outermost(reader, used);
                    var to = reader.GetString(reader.GetTypeDefinition(target).Namespace);
                    if (to.Length > 0)
                    {
                        graph.Add(from, to, $"{ownerName} uses {reader.GetString(reader.GetTypeDefinition(target).Name)}");
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

    /// <summary>The types of this assembly a token or a signature names, generic arguments included.</summary>
    private sealed class TypesInSignature(MetadataReader reader) : ISignatureTypeProvider<ImmutableArray<TypeDefinitionHandle>, object?>
    {
        private static readonly ImmutableArray<TypeDefinitionHandle> None = [];

        public ImmutableArray<TypeDefinitionHandle> OfEntity(EntityHandle entity)
        {
            switch (entity.Kind)
            {
                case HandleKind.TypeDefinition:
                    return [(TypeDefinitionHandle)entity];
                case HandleKind.TypeSpecification:
                    return reader.GetTypeSpecification((TypeSpecificationHandle)entity).DecodeSignature(this, null);
                case HandleKind.MethodDefinition:
                    var method = reader.GetMethodDefinition((MethodDefinitionHandle)entity);
                    return [method.GetDeclaringType(), .. OfMethod(method.Signature)];
                case HandleKind.FieldDefinition:
                    var field = reader.GetFieldDefinition((FieldDefinitionHandle)entity);
                    return [field.GetDeclaringType(), .. OfField(field.Signature)];
                case HandleKind.MemberReference:
                    var member = reader.GetMemberReference((MemberReferenceHandle)entity);
                    var parent = member.Parent.Kind is HandleKind.TypeDefinition or HandleKind.TypeSpecification ? OfEntity(member.Parent) : None;
                    return [.. parent, .. member.GetKind() == MemberReferenceKind.Method ? OfMethod(member.Signature) : OfField(member.Signature)];
                case HandleKind.MethodSpecification:
                    var specification = reader.GetMethodSpecification((MethodSpecificationHandle)entity);
                    return [.. OfEntity(specification.Method), .. specification.DecodeSignature(this, null).SelectMany(t => t)];
                default:
                    return None;
            }
        }

        public ImmutableArray<TypeDefinitionHandle> OfField(BlobHandle signature)
        {
            var blob = reader.GetBlobReader(signature);
            return Decoder.DecodeFieldSignature(ref blob);
        }

        public ImmutableArray<TypeDefinitionHandle> OfMethod(BlobHandle signature)
        {
            var blob = reader.GetBlobReader(signature);
            return Flatten(Decoder.DecodeMethodSignature(ref blob));
        }

        public ImmutableArray<TypeDefinitionHandle> OfProperty(BlobHandle signature) => OfMethod(signature);

        public ImmutableArray<TypeDefinitionHandle> OfLocals(BlobHandle signature)
        {
            var blob = reader.GetBlobReader(signature);
            return [.. Decoder.DecodeLocalSignature(ref blob).SelectMany(t => t)];
        }

        private SignatureDecoder<ImmutableArray<TypeDefinitionHandle>, object?> Decoder => new(this, reader, null);

        private static ImmutableArray<TypeDefinitionHandle> Flatten(MethodSignature<ImmutableArray<TypeDefinitionHandle>> signature) =>
            [.. signature.ReturnType, .. signature.ParameterTypes.SelectMany(t => t)];

        public ImmutableArray<TypeDefinitionHandle> GetTypeFromDefinition(MetadataReader metadata, TypeDefinitionHandle handle, byte rawTypeKind) => [handle];

        public ImmutableArray<TypeDefinitionHandle> GetTypeFromReference(MetadataReader metadata, TypeReferenceHandle handle, byte rawTypeKind) => None;

        public ImmutableArray<TypeDefinitionHandle> GetTypeFromSpecification(MetadataReader metadata, object? context, TypeSpecificationHandle handle, byte rawTypeKind) =>
            metadata.GetTypeSpecification(handle).DecodeSignature(this, context);

        public ImmutableArray<TypeDefinitionHandle> GetGenericInstantiation(ImmutableArray<TypeDefinitionHandle> genericType, ImmutableArray<ImmutableArray<TypeDefinitionHandle>> typeArguments) =>
            [.. genericType, .. typeArguments.SelectMany(t => t)];

        public ImmutableArray<TypeDefinitionHandle> GetArrayType(ImmutableArray<TypeDefinitionHandle> elementType, ArrayShape shape) => elementType;

        public ImmutableArray<TypeDefinitionHandle> GetByReferenceType(ImmutableArray<TypeDefinitionHandle> elementType) => elementType;

        public ImmutableArray<TypeDefinitionHandle> GetPointerType(ImmutableArray<TypeDefinitionHandle> elementType) => elementType;

        public ImmutableArray<TypeDefinitionHandle> GetPinnedType(ImmutableArray<TypeDefinitionHandle> elementType) => elementType;

        public ImmutableArray<TypeDefinitionHandle> GetSZArrayType(ImmutableArray<TypeDefinitionHandle> elementType) => elementType;

        public ImmutableArray<TypeDefinitionHandle> GetFunctionPointerType(MethodSignature<ImmutableArray<TypeDefinitionHandle>> signature) => Flatten(signature);

        public ImmutableArray<TypeDefinitionHandle> GetGenericMethodParameter(object? context, int index) => None;

        public ImmutableArray<TypeDefinitionHandle> GetGenericTypeParameter(object? context, int index) => None;

        public ImmutableArray<TypeDefinitionHandle> GetModifiedType(ImmutableArray<TypeDefinitionHandle> modifier, ImmutableArray<TypeDefinitionHandle> unmodifiedType, bool isRequired) => unmodifiedType;

        public ImmutableArray<TypeDefinitionHandle> GetPrimitiveType(PrimitiveTypeCode typeCode) => None;
    }
}
