using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace SupplyGrid.Runtime.Generator;

/// <summary>
/// For every grain interface declared in the compilation, generates a proxy (a grain reference implementing the
/// interface) and one request class per method, so a call is an allocation and a mailbox enqueue: no reflection.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class GrainProxyGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var interfaces = context.SyntaxProvider.CreateSyntaxProvider(
                static (node, _) => node is InterfaceDeclarationSyntax { BaseList: not null },
                GrainInterfaceReader.Read)
            .Where(static model => model is not null);

        context.RegisterSourceOutput(interfaces, static (output, model) =>
        {
            foreach (var diagnostic in model!.Diagnostics.Items)
                output.ReportDiagnostic(ToDiagnostic(diagnostic));
            if (model.Diagnostics.Items.IsEmpty)
                output.AddSource(ProxyWriter.HintName(model), ProxyWriter.Write(model));
        });
    }

    private static Diagnostic ToDiagnostic(DiagnosticInfo info)
    {
        var descriptor = new DiagnosticDescriptor(info.Id, "Grain interface cannot be proxied", "{0}", "SupplyGrid.Runtime", DiagnosticSeverity.Error, true);
        var location = info.FilePath.Length == 0
            ? Location.None
            : Location.Create(info.FilePath, new TextSpan(info.SpanStart, info.SpanLength),
                new LinePositionSpan(new LinePosition(info.StartLine, info.StartColumn), new LinePosition(info.StartLine, info.StartColumn)));
        return Diagnostic.Create(descriptor, location, info.Message);
    }
}
