using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace ContractFirst.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/ContractFirst.Benchmarks -- il ASSEMBLY [top]</c> (issue #13): what the
/// compiler produced, read with System.Reflection.Metadata: table sizes and heaps, then IL bytes per method name
/// (nested types' methods marked <c>nested:</c>, so async state machines show as <c>nested:MoveNext</c>) and per
/// top-level type, and custom attributes per attribute type. Used on the consumers of <c>build-time</c>
/// (benchmarks/kiota/buildtime/SPEC/{contractfirst,kiota}/obj/CONFIG/net10.0/Consumer.dll) to compare with Kiota.
/// </summary>
public static class IlReport
{
    public static int Run(string[] args)
    {
        if (args.Length < 2 || !File.Exists(args[1]))
        {
            Console.Error.WriteLine("il: give the path of an assembly");
            return 2;
        }

        var top = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20;
        using var pe = new PEReader(File.OpenRead(args[1]));
        var md = pe.GetMetadataReader();
        Console.WriteLine($"types {md.TypeDefinitions.Count:N0}, methods {md.MethodDefinitions.Count:N0}, fields {md.FieldDefinitions.Count:N0}, properties {md.PropertyDefinitions.Count:N0}, member references {md.MemberReferences.Count:N0}, custom attributes {md.CustomAttributes.Count:N0}");
        Console.WriteLine($"metadata {pe.PEHeaders.MetadataSize:N0} B: strings {md.GetHeapSize(HeapIndex.String):N0}, user strings {md.GetHeapSize(HeapIndex.UserString):N0}, blobs {md.GetHeapSize(HeapIndex.Blob):N0}");

        var byMethod = new Dictionary<string, (int Count, long Bytes)>();
        var byType = new Dictionary<string, (int Count, long Bytes)>();
        long total = 0;
        foreach (var handle in md.TypeDefinitions)
        {
            var type = md.GetTypeDefinition(handle);
            var outer = handle;
            while (!md.GetTypeDefinition(outer).GetDeclaringType().IsNil) outer = md.GetTypeDefinition(outer).GetDeclaringType();
            var outerName = md.GetString(md.GetTypeDefinition(outer).Name);
            var nested = !type.GetDeclaringType().IsNil;
            foreach (var methodHandle in type.GetMethods())
            {
                var method = md.GetMethodDefinition(methodHandle);
                if (method.RelativeVirtualAddress == 0) continue;
                var size = pe.GetMethodBody(method.RelativeVirtualAddress).Size;
                total += size;
                Add(byMethod, (nested ? "nested:" : "") + md.GetString(method.Name), size);
                Add(byType, outerName, size);
            }
        }

        Console.WriteLine($"IL {total:N0} B");
        Print("IL per method name", byMethod, top);
        Print("IL per top-level type", byType, top);

        var attributes = new Dictionary<string, (int Count, long Bytes)>();
        foreach (var handle in md.CustomAttributes)
        {
            var constructor = md.GetCustomAttribute(handle).Constructor;
            var name = constructor.Kind switch
            {
                HandleKind.MemberReference when md.GetMemberReference((MemberReferenceHandle)constructor).Parent is { Kind: HandleKind.TypeReference } parent
                    => md.GetString(md.GetTypeReference((TypeReferenceHandle)parent).Name),
                HandleKind.MethodDefinition => md.GetString(md.GetTypeDefinition(md.GetMethodDefinition((MethodDefinitionHandle)constructor).GetDeclaringType()).Name),
                _ => "?",
            };
            Add(attributes, name, 0);
        }

        Console.WriteLine();
        Console.WriteLine("| custom attribute | count |");
        Console.WriteLine("|---|--:|");
        foreach (var (name, (count, _)) in attributes.OrderByDescending(a => a.Value.Count).Take(top)) Console.WriteLine($"| {name} | {count:N0} |");
        return 0;
    }

    private static void Add(Dictionary<string, (int Count, long Bytes)> table, string key, long bytes)
    {
        var (count, sum) = table.GetValueOrDefault(key);
        table[key] = (count + 1, sum + bytes);
    }

    private static void Print(string title, Dictionary<string, (int Count, long Bytes)> table, int top)
    {
        Console.WriteLine();
        Console.WriteLine($"| {title} | methods | IL bytes |");
        Console.WriteLine("|---|--:|--:|");
        foreach (var (name, (count, bytes)) in table.OrderByDescending(e => e.Value.Bytes).Take(top)) Console.WriteLine($"| {name} | {count:N0} | {bytes:N0} |");
    }
}
