using AgentCoreLint.SchemaGen;
using AgentCoreLint.SchemaGen.Generation;

// Each generator turns vendored data into checked-in files; add new ones here.
IGenerator[] generators =
[
    new OperationSchemaFiles(),
    new ApiModelGenerator(),
    new CatalogGenerator(),
];

return GeneratorCommand.Run(args, generators, Console.Out, Console.Error, Environment.CurrentDirectory);
