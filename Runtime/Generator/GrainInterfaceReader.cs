using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SupplyGrid.Runtime.Generator;

/// <summary>Turns a grain interface symbol into a <see cref="GrainInterfaceModel"/>, collecting what cannot be proxied as diagnostics.</summary>
internal static class GrainInterfaceReader
{
    private const string GrainInterface = "SupplyGrid.Runtime.IGrain";
    private const string ConcurrencyNamespace = "SupplyGrid.Runtime.Concurrency";

    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static GrainInterfaceModel? Read(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        var declaration = (InterfaceDeclarationSyntax)context.Node;
        if (context.SemanticModel.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol symbol)
            return null;
        if (!symbol.AllInterfaces.Any(i => i.ToDisplayString() == GrainInterface))
            return null;
        // A partial interface is read once, from its first declaration.
        if (symbol.DeclaringSyntaxReferences.Length > 1 && symbol.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) != declaration)
            return null;

        var diagnostics = new List<DiagnosticInfo>();
        if (symbol.IsGenericType)
            diagnostics.Add(Diagnostic("SGR001", $"Grain interface {symbol.Name} is generic; generic grain interfaces are not supported.", declaration.Identifier.GetLocation()));
        if (symbol.ContainingType is not null)
            diagnostics.Add(Diagnostic("SGR002", $"Grain interface {symbol.Name} is nested in {symbol.ContainingType.Name}; declare grain interfaces at namespace level.", declaration.Identifier.GetLocation()));

        var methods = new List<GrainMethodModel>();
        foreach (var owner in new[] { symbol }.Concat(symbol.AllInterfaces))
        {
            foreach (var member in owner.GetMembers())
            {
                if (member.IsStatic)
                    continue;
                if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method)
                {
                    var model = ReadMethod(owner, method, diagnostics);
                    if (model is not null)
                        methods.Add(model);
                }
                else if (member is IPropertySymbol or IEventSymbol)
                {
                    diagnostics.Add(Diagnostic("SGR003", $"{owner.Name}.{member.Name}: grain interfaces may only declare methods.", member.Locations.FirstOrDefault()));
                }
            }
        }

        var ns = symbol.ContainingNamespace.IsGlobalNamespace ? "" : symbol.ContainingNamespace.ToDisplayString();
        return new GrainInterfaceModel(ns, symbol.Name, symbol.ToDisplayString(TypeFormat),
            new EquatableArray<GrainMethodModel>(methods), new EquatableArray<DiagnosticInfo>(diagnostics));
    }

    private static GrainMethodModel? ReadMethod(INamedTypeSymbol owner, IMethodSymbol method, List<DiagnosticInfo> diagnostics)
    {
        var where = $"{owner.Name}.{method.Name}";
        var location = method.Locations.FirstOrDefault();
        if (method.IsGenericMethod)
        {
            diagnostics.Add(Diagnostic("SGR004", $"{where} is generic; generic grain methods are not supported.", location));
            return null;
        }

        if (method.Parameters.Any(p => p.RefKind != RefKind.None))
        {
            diagnostics.Add(Diagnostic("SGR005", $"{where} has a ref, out or in parameter; grain calls pass arguments by value.", location));
            return null;
        }

        var returnType = method.ReturnType as INamedTypeSymbol;
        var definition = returnType?.ConstructedFrom.ToDisplayString();
        ReturnKind kind;
        switch (definition)
        {
            case "System.Threading.Tasks.Task": kind = ReturnKind.Task; break;
            case "System.Threading.Tasks.Task<TResult>": kind = ReturnKind.TaskOfT; break;
            case "System.Threading.Tasks.ValueTask": kind = ReturnKind.ValueTask; break;
            case "System.Threading.Tasks.ValueTask<TResult>": kind = ReturnKind.ValueTaskOfT; break;
            default:
                diagnostics.Add(Diagnostic("SGR006", $"{where} returns {method.ReturnType.ToDisplayString()}; grain methods return Task, Task<T>, ValueTask or ValueTask<T>.", location));
                return null;
        }

        var resultType = kind is ReturnKind.TaskOfT or ReturnKind.ValueTaskOfT ? returnType!.TypeArguments[0].ToDisplayString(TypeFormat) : null;
        var isOneWay = HasAttribute(method, ConcurrencyNamespace + ".OneWayAttribute");
        if (isOneWay && resultType is not null)
        {
            diagnostics.Add(Diagnostic("SGR007", $"{where} is [OneWay] but returns a value; one-way methods return Task or ValueTask.", location));
            return null;
        }

        var timeout = method.GetAttributes()
            .FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == "SupplyGrid.Runtime.ResponseTimeoutAttribute")?
            .ConstructorArguments.FirstOrDefault().Value as string;

        return new GrainMethodModel(
            method.Name,
            owner.ToDisplayString(TypeFormat),
            owner.Name,
            method.ReturnType.ToDisplayString(TypeFormat),
            kind,
            resultType,
            new EquatableArray<ParameterModel>(method.Parameters.Select(p => new ParameterModel(p.Type.ToDisplayString(TypeFormat), p.Name))),
            isOneWay,
            HasAttribute(method, ConcurrencyNamespace + ".AlwaysInterleaveAttribute"),
            HasAttribute(method, ConcurrencyNamespace + ".ReadOnlyAttribute"),
            timeout);
    }

    private static bool HasAttribute(IMethodSymbol method, string attribute) =>
        method.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == attribute);

    private static DiagnosticInfo Diagnostic(string id, string message, Location? location)
    {
        var span = location?.GetLineSpan();
        return new DiagnosticInfo(id, message, span?.Path ?? "", span?.StartLinePosition.Line ?? 0, span?.StartLinePosition.Character ?? 0,
            location?.SourceSpan.Start ?? 0, location?.SourceSpan.Length ?? 0);
    }
}
