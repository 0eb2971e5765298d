/// Every log metadata key Newsbus uses, in one place.
public enum LogKey {
    public static let service = "service"
    public static let articleID = "article.id"
    public static let trace = "article.trace"
    public static let messageType = "message.type"
    public static let endpoint = "zmq.endpoint"
    public static let error = "error"
    public static let errorCode = "error.code"
    public static let count = "count"
    public static let reason = "reason"
}
