global using Confluent.Kafka;
global using Orleans;
global using Orleans.Runtime;
global using SupplyGrid.Kafka;
