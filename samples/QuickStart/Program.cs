using System.Text.Json;

// Placeholder main job until the emulator lands: round-trips a generated model through the generated JSON options.
var request = new ClickHouse.Cloud.ServiceScalingPatchRequest { MinTotalMemoryGb = 24, MaxTotalMemoryGb = 48, IdleScaling = true };
var json = JsonSerializer.Serialize(request, ClickHouse.Cloud.ClickHouseCloudClientJson.Options);
Console.WriteLine(json);
var back = JsonSerializer.Deserialize<ClickHouse.Cloud.ServiceScalingPatchRequest>(json, ClickHouse.Cloud.ClickHouseCloudClientJson.Options);
Console.WriteLine(back);
