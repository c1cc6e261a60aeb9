namespace ContractFirst.Generator;

/// <summary>
/// The generator's identity, as generated code names it in <c>[GeneratedCode("ContractFirst", Version)]</c>.
/// </summary>
/// <remarks>
/// <c>Version</c> is the product version, <c>$(Version)</c> in Directory.Build.props, the one place it is written: the
/// build compiles it in as a constant (target <c>_ContractFirstGeneratorVersion</c> in ContractFirst.Generator.csproj
/// writes <c>GeneratorInfo.Version.g.cs</c> under obj/), so that the emitters can use it in constant expressions.
/// </remarks>
internal static partial class GeneratorInfo
{
}
