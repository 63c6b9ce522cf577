using SupplyGrid.Evaluation.Command;

// The evaluation program: `dotnet run -c Release --project Evaluation -- [options] --out DIR` (--help lists them).
// Each arm runs in a process of its own, which is this program again with --arm NAME --arm-result FILE.
return await EvaluationCommand.RunAsync(args);
