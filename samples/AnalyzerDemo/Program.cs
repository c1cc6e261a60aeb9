using System;
using Bridgeport;
using ClickHouse.Cloud;
using Miget;

namespace AnalyzerDemo;

/// <summary>
/// Each statement below breaks the spec on purpose: build the project and read the warnings (or open it in an IDE
/// and try the code fixes). Nothing is sent anywhere; the program only prints what it built.
/// </summary>
internal static class Program
{
    private const double DemoMemory = 30;

    private static void Main()
    {
        // CF1001: 30 is not a multiple of 12 (nearest valid values: 24 and 36). Fix: "Use 24" / "Use 36".
        // CF1002: 'produciton'; did you mean 'production'? Fix: "Use 'ServicePostRequestTier.Production'".
        // CF1003: 3 is below the minimum of 5.
        var service = new ServicePostRequest
        {
            Name = "analytics",
            Provider = "aws",
            Region = "us-east-1",
            Tier = "produciton",
            MinTotalMemoryGb = 30,
            IdleTimeoutMinutes = 3,
        };

        // CF1008: the minimum (48) is greater than the maximum (24), though each is a valid multiple of 12.
        var scaled = service with { MinTotalMemoryGb = 48, MaxTotalMemoryGb = 24 };

        // CF1001 through a const: reported, but no code fix (the value is not a literal).
        scaled.MinTotalMemoryGb = DemoMemory;

        // CF1002 three times: 'postgress' (did you mean 'postgres'?), 'yes' ('0' | '1'), 'rwx' (did you mean 'RWX'?).
        var storage = new PostApiV1Services
        {
            ServiceType = "postgress",
            ProjectId = 1,
            MigetId = 2,
            Label = "orders-db",
            PublicAccess = "yes",
            StorageAccess = "rwx",
        };

        // CF1002 'zip' (plain | custom | tar), CF1003 12 (1 to 9), CF1003 1000 (30000 to 3600000),
        // CF1005: '' is shorter than the minLength of 1.
        var database = new CreateDatabaseRequest
        {
            Name = "orders",
            Type = "",
            BackupFormat = "zip",
            BackupCompressionLevel = 12,
            PgDumpTimeoutMs = 1000,
        };

        // Values computed at run time are never flagged: the analyzer cannot know them.
        service.MinTotalMemoryGb = Environment.ProcessorCount * 12;

        Console.WriteLine(service);
        Console.WriteLine(scaled);
        Console.WriteLine(storage);
        Console.WriteLine(database);
        Showcase.Run();
    }
}
