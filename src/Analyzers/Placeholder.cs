namespace ContractFirst.Analyzers;

internal static class AnalyzerAssembly
{
}
