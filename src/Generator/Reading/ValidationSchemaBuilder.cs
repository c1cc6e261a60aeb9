using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using ContractFirst.Generator.Model;
using Microsoft.OpenApi;

namespace ContractFirst.Generator.Reading;

/// <summary>
/// Gives every generated model and every JSON or form request body its validation schema: the schema at the pointer the
/// model builder recorded, read with <see cref="ValidationSchemaReader"/>.
/// </summary>
internal static class ValidationSchemaBuilder
{
    public static ValidationSchemas Build(
        SpecLoader loader,
        OpenApiDocument document,
        ImmutableEquatableArray<TypeModel> types,
        ref ImmutableEquatableArray<OperationModel> operations,
        CancellationToken cancellationToken)
    {
        // Without a tree to read (a 2.0 document that cannot be written back as 3.0), every model still gets its entry
        // point: the schema true, which checks nothing rather than break the generated code.
        var root = RootFor(loader, document) ?? new JsonObject();

        // 2.0 documents are read in their 3.0 form (what the model's pointers name), with the draft-4 rules.
        var reader = new ValidationSchemaReader(root, loader.Is31, ReferenceEquals(root, loader.Root) ? loader : null, cancellationToken);
        var names = new HashSet<string>(StringComparer.Ordinal) { "Nodes" };
        foreach (var type in types)
        {
            if (type is ObjectModel or UnionModel)
            {
                names.Add(type.Name);
                reader.AddRoot(type.Name, type.Pointer);
            }
        }

        var updated = new List<OperationModel>(operations.Count);
        foreach (var operation in operations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (operation.Body is { Kind: BodyKind.Json or BodyKind.FormUrlEncoded or BodyKind.Multipart } body)
            {
                var name = Identifiers.Unique(operation.MethodName.Substring(0, operation.MethodName.Length - "Async".Length) + "Body", names);
                reader.AddRoot(name, BodyPointer(operation, body));
                updated.Add(operation with { Body = body with { Schema = name } });
            }
            else
            {
                updated.Add(operation);
            }

            updated[updated.Count - 1] = ParameterSchemas.Add(reader, updated[updated.Count - 1], names);
        }

        operations = updated.ToImmutableEquatableArray();
        return reader.Build();
    }

    private static string BodyPointer(OperationModel operation, RequestBodyModel body)
        => "#/paths/" + Escape(operation.Path) + "/" + operation.HttpMethod.ToLowerInvariant() + "/requestBody/content/" + Escape(body.ContentType) + "/schema";

    private static JsonNode? RootFor(SpecLoader loader, OpenApiDocument document)
    {
        if (loader.Root is null) return null;
        if (loader.Root["swagger"] is null) return loader.Root;
        try
        {
            using var text = new StringWriter();
            document.SerializeAsV3(new OpenApiJsonWriter(text));
            return JsonNode.Parse(text.ToString());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return null; // a 2.0 document that cannot be written back as 3.0 is still generated, unvalidated
        }
    }

    private static string Escape(string key) => SourceLocator.EscapeToken(key);
}
