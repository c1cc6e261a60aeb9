using System.Linq;
using ContractFirst.Generator.Model;
using Microsoft.OpenApi;

namespace ContractFirst.Generator.Reading;

/// <summary>
/// Turns a read <see cref="OpenApiDocument"/> into the <see cref="SpecModel"/> that the emitters read. This is the one
/// place that knows OpenAPI. It runs the readers, each of one concern, in a fixed order (the order names are taken in):
/// <list type="bullet">
/// <item><see cref="TypeNames"/> and <see cref="MemberNames"/>: the names of generated types and their members;</item>
/// <item><see cref="SchemaTypeReader"/>: schemas to types (composition, enums, constraints, defaults), then
/// <see cref="TypeReconciler"/> for what only the whole model shows;</item>
/// <item><see cref="OperationReader"/>: paths to operations (parameters, bodies, responses);</item>
/// <item><see cref="SecurityReader"/>: security schemes and requirements.</item>
/// </list>
/// </summary>
internal sealed class ModelBuilder
{
    /// <summary>How deep the schema reader recurses (<see cref="SchemaTypeReader.MaxDepth"/>).</summary>
    internal const int MaxDepth = SchemaTypeReader.MaxDepth;

    private readonly OpenApiDocument _document;
    private readonly SpecLoader _loader;
    private readonly string _fileName;

    /// <summary>Checked while the validation schemas are read (they grow with the spec).</summary>
    public System.Threading.CancellationToken CancellationToken { get; init; }

    public ModelBuilder(OpenApiDocument document, SpecLoader loader, string fileName)
    {
        _document = document;
        _loader = loader;
        _fileName = fileName;
    }

    public SpecModel Build(string @namespace, string clientName, GenerateKinds generate)
    {
        var report = new ModelReporter(_loader);
        var schemaTypes = new SchemaTypeReader(_loader, new TypeNames(clientName), report);
        schemaTypes.ReadComponents(_document.Components?.Schemas);

        var operationReader = new OperationReader(_document, _loader, schemaTypes);
        var operations = operationReader.Read();
        var schemes = SecurityReader.Schemes(_document);
        new TypeReconciler(schemaTypes.Types, report).Reconcile();

        var types = schemaTypes.Types.Freeze(operationReader.RequestTypes);
        var schemas = ValidationSchemaBuilder.Build(_loader, _document, types, ref operations, CancellationToken);
        return new SpecModel(
            _fileName,
            @namespace,
            clientName,
            generate,
            _document.Info?.Title,
            _document.Info?.Version,
            _document.Info?.Description,
            _document.Servers?.FirstOrDefault()?.Url,
            types,
            operations,
            schemes) { Schemas = schemas };
    }
}
