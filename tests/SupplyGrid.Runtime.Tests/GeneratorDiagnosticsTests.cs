using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SupplyGrid.Runtime.Generator;

namespace SupplyGrid.Runtime.Tests;

/// <summary>The generator refuses grain interfaces it cannot proxy with a compile error naming the member.</summary>
public sealed class GeneratorDiagnosticsTests
{
    private static (ImmutableArray<Diagnostic> GeneratorDiagnostics, ImmutableArray<Diagnostic> CompileErrors) Run(string source)
    {
        var references = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => !a.IsDynamic && a.Location.Length > 0)
            .Select(a => MetadataReference.CreateFromFile(a.Location))
            .Append(MetadataReference.CreateFromFile(typeof(IGrain).Assembly.Location));
        var compilation = CSharpCompilation.Create("Probe", [CSharpSyntaxTree.ParseText(source)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var driver = CSharpGeneratorDriver.Create(new GrainProxyGenerator())
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return (diagnostics, output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray());
    }

    [Fact]
    public void A_valid_interface_compiles_with_its_proxy()
    {
        var (generator, errors) = Run("""
            using System.Threading.Tasks;
            using SupplyGrid.Runtime;
            using SupplyGrid.Runtime.Concurrency;
            namespace Probe;
            public interface IShop : IGrainWithStringKey
            {
                Task<int> Count(string @event, int? limit);
                ValueTask<string> Name();
                Task Reset();
                [OneWay] ValueTask Tell(long at);
                [ResponseTimeout("00:00:05")] Task Slow();
            }
            """);

        Assert.Empty(generator);
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("int Count { get; }", "SGR003")]
    [InlineData("Task<T> Get<T>();", "SGR004")]
    [InlineData("Task Move(ref int x);", "SGR005")]
    [InlineData("int Sync();", "SGR006")]
    [InlineData("[OneWay] Task<int> Fire();", "SGR007")]
    public void Unsupported_members_are_compile_errors(string member, string id)
    {
        var (generator, _) = Run($$"""
            using System.Threading.Tasks;
            using SupplyGrid.Runtime;
            using SupplyGrid.Runtime.Concurrency;
            namespace Probe;
            public interface IBad : IGrainWithStringKey
            {
                Task Fine();
                {{member}}
            }
            """);

        var diagnostic = Assert.Single(generator);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("IBad", diagnostic.GetMessage());
    }

    [Fact]
    public void Generic_grain_interfaces_are_refused()
    {
        var (generator, _) = Run("""
            using System.Threading.Tasks;
            using SupplyGrid.Runtime;
            namespace Probe;
            public interface IBox<T> : IGrainWithStringKey { Task<T> Get(); }
            """);

        Assert.Equal("SGR001", Assert.Single(generator).Id);
    }
}
