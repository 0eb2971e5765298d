import NewsbusProtocol
import Synchronization

/// A transport inside one process: no sockets, no libzmq, the same semantics as ``Transport`` documents.
///
/// Every endpoint is a name in this transport's own namespace (two `InProcessTransport` values never see each
/// other). `tcp` endpoints are keyed by port, so `@tcp://*:5555` and `>tcp://127.0.0.1:5555` meet, and binding
/// port 0 picks a free port. Queues hold at most ``ChannelOptions/highWaterMark`` messages per receiver.
///
/// Use it to test a stage alone, or to run the whole pipeline in one process.
public final class InProcessTransport: Transport {
    private let junctions = Mutex<(byKey: [String: Junction], nextPort: UInt16)>(([:], 49152))

    public init() {}

    public func sender(_ pattern: SendPattern, at spec: EndpointSpec, options: ChannelOptions)
        async throws(TransportError) -> any MessageSender
    {
        let (junction, endpoint) = try attach(spec)
        switch pattern {
        case .push: return InProcessPusher(junction: junction, endpoint: endpoint, spec: spec, options: options)
        case .publish: return InProcessPublisher(junction: junction, endpoint: endpoint, spec: spec, options: options)
        }
    }

    public func receiver(_ pattern: ReceivePattern, at spec: EndpointSpec, options: ChannelOptions)
        async throws(TransportError) -> any MessageReceiver
    {
        let (junction, endpoint) = try attach(spec)
        let role: Junction.Role
        switch pattern {
        case .pull: role = .puller
        case .subscribe(let prefixes): role = .subscriber(prefixes: prefixes)
        }
        return InProcessReceiver(junction: junction, endpoint: endpoint, spec: spec, role: role, options: options)
    }

    public func requester(at spec: EndpointSpec, options: ChannelOptions) async throws(TransportError)
        -> any Requester
    {
        let (junction, endpoint) = try attach(spec)
        return InProcessRequester(junction: junction, endpoint: endpoint, spec: spec, options: options)
    }

    public func responder(at spec: EndpointSpec, options: ChannelOptions) async throws(TransportError)
        -> any Responder
    {
        let (junction, endpoint) = try attach(spec)
        return InProcessResponder(junction: junction, endpoint: endpoint, spec: spec, options: options)
    }

    /// Finds or creates the junction of an endpoint; a bind claims it.
    private func attach(_ spec: EndpointSpec) throws(TransportError) -> (Junction, Endpoint) {
        var endpoint = spec.endpoint
        let outcome: Result<Junction, TransportError> = junctions.withLock { state in
            if case .tcp(let host, 0) = endpoint {
                guard spec.role == .bind else {
                    return .failure(
                        TransportError(.invalidEndpoint, "port * can only be bound", endpoint: spec.description))
                }
                while state.byKey[Self.key(.tcp(host: host, port: state.nextPort))] != nil { state.nextPort &+= 1 }
                endpoint = .tcp(host: host, port: state.nextPort)
                state.nextPort &+= 1
            }
            let key = Self.key(endpoint)
            let junction = state.byKey[key] ?? Junction()
            state.byKey[key] = junction
            if spec.role == .bind, !junction.claimBinding() {
                return .failure(
                    TransportError(.addressInUse, "something is already bound there", endpoint: spec.description))
            }
            return .success(junction)
        }
        return (try outcome.get(), endpoint)
    }

    private static func key(_ endpoint: Endpoint) -> String {
        switch endpoint {
        case .tcp(_, let port): "tcp:\(port)"
        case .ipc(let path): "ipc:\(path)"
        case .inproc(let name): "inproc:\(name)"
        }
    }
}
