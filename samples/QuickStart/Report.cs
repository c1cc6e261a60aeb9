namespace QuickStart;

/// <summary>Writes the demo's readable summary: one section per API, one line per step.</summary>
public sealed class Report(TextWriter output)
{
    public int Steps { get; private set; }

    public void Title(string text)
    {
        output.WriteLine(text);
        output.WriteLine(new string('=', text.Length));
    }

    public void Section(string title)
    {
        output.WriteLine();
        output.WriteLine(title);
    }

    public void Step(string step, string detail)
    {
        Steps++;
        output.WriteLine($"  {step,-36} {detail}");
    }

    public void Line(string text = "") => output.WriteLine(text);
}
