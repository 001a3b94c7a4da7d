// The gRPC baseline: a bare `@grpc/grpc-js` server, gRPC's own Node
// implementation, answering Arith.Multiply with no limits, routing
// or logging. Messages are read and written with the code generated
// from examples/grpc/arith.proto, as the playground's are, so the two
// differ only in their servers.
//
//   node bench/support/grpc-js-server.ts      (prints its address)

import { create, fromBinary, toBinary } from '@bufbuild/protobuf';
import { Server, ServerCredentials, type ServiceDefinition } from '@grpc/grpc-js';
import {
  type Args,
  ArgsSchema,
  type Product,
  ProductSchema,
} from '../../examples/grpc/gen/arith_pb.ts';

const arith: ServiceDefinition = {
  Multiply: {
    path: '/wirebook.arith.v1.Arith/Multiply',
    requestStream: false,
    responseStream: false,
    requestSerialize: (args: Args) => Buffer.from(toBinary(ArgsSchema, args)),
    requestDeserialize: (bytes: Buffer) => fromBinary(ArgsSchema, bytes),
    responseSerialize: (product: Product) => Buffer.from(toBinary(ProductSchema, product)),
    responseDeserialize: (bytes: Buffer) => fromBinary(ProductSchema, bytes),
  },
};

const server = new Server();
server.addService(arith, {
  Multiply: (call: { request: Args }, callback: (error: null, product: Product) => void) => {
    callback(null, create(ProductSchema, { value: call.request.a * call.request.b }));
  },
});
server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, port) => {
  if (error) throw error;
  console.log(`grpc-js is running at http://127.0.0.1:${port}/`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => process.exit(0));
}
