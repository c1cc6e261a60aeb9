namespace ContractFirst.Analyzers.CodeFixes;

internal static class CodeFixAssembly
{
}
