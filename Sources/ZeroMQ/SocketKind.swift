import CZeroMQ

/// The ZeroMQ socket types.
public enum SocketKind: Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case push, pull, publish, subscribe, xpublish, xsubscribe, request, reply, dealer, router, pair

    var rawValue: Int32 {
        switch self {
        case .push: ZMQ_PUSH
        case .pull: ZMQ_PULL
        case .publish: ZMQ_PUB
        case .subscribe: ZMQ_SUB
        case .xpublish: ZMQ_XPUB
        case .xsubscribe: ZMQ_XSUB
        case .request: ZMQ_REQ
        case .reply: ZMQ_REP
        case .dealer: ZMQ_DEALER
        case .router: ZMQ_ROUTER
        case .pair: ZMQ_PAIR
        }
    }

    public var description: String {
        switch self {
        case .push: "PUSH"
        case .pull: "PULL"
        case .publish: "PUB"
        case .subscribe: "SUB"
        case .xpublish: "XPUB"
        case .xsubscribe: "XSUB"
        case .request: "REQ"
        case .reply: "REP"
        case .dealer: "DEALER"
        case .router: "ROUTER"
        case .pair: "PAIR"
        }
    }
}
