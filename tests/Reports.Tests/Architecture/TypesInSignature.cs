using System.Collections.Immutable;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Reports.Tests.Architecture;

/// <summary>The types of this assembly a token or a signature names, generic arguments included.</summary>
internal sealed class TypesInSignature(MetadataReader reader) : ISignatureTypeProvider<ImmutableArray<TypeDefinitionHandle>, object?>
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
