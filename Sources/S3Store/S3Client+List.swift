extension S3Client {
    /// One page of a ListObjectsV2 listing: up to `maximumKeys` (S3 caps it at 1,000).
    public struct ObjectPage: Sendable {
        public var objects: [StoredObject]
        /// Pass back as `continuationToken` for the next page; nil on the last page.
        public var nextContinuationToken: String?
    }

    public func listPage(
        bucket: String, prefix: String = "", continuationToken: String? = nil, maximumKeys: Int = 1000
    ) async throws -> ObjectPage {
        var call = Call(method: .GET, operation: "list \(prefix.isEmpty ? "" : "prefix \(prefix)")", bucket: bucket)
        call.query = [("list-type", "2"), ("max-keys", String(maximumKeys))]
        if !prefix.isEmpty {
            call.query.append(("prefix", prefix))
        }
        if let continuationToken {
            call.query.append(("continuation-token", continuationToken))
        }
        let reply = try await sendReadingXML(call)
        guard reply.name == "ListBucketResult" else {
            throw unexpected(call, "a <\(reply.name)> reply where <ListBucketResult> belongs")
        }
        let objects = try reply.children("Contents").map { entry in
            guard let key = entry["Key"], let size = entry["Size"].flatMap({ Int64($0) }) else {
                throw unexpected(call, "a listing entry without Key or Size")
            }
            return StoredObject(
                key: key, size: size, etag: entry["ETag"]?.withoutQuotes ?? "",
                lastModified: entry["LastModified"].flatMap(S3Dates.iso8601))
        }
        let truncated = reply["IsTruncated"] == "true"
        let token = reply["NextContinuationToken"].flatMap { $0.isEmpty ? nil : $0 }
        if truncated && token == nil {
            throw unexpected(call, "a truncated listing without NextContinuationToken")
        }
        return ObjectPage(objects: objects, nextContinuationToken: truncated ? token : nil)
    }

    /// Every object under `prefix`, page by page as the sequence is read: a listing of a
    /// million keys never sits in memory whole.
    public func list(bucket: String, prefix: String = "", pageSize: Int = 1000) -> ObjectListing {
        ObjectListing(client: self, bucket: bucket, prefix: prefix, pageSize: pageSize)
    }
}

/// The objects under a prefix, fetched a page at a time as they are iterated.
public struct ObjectListing: AsyncSequence, Sendable {
    public typealias Element = StoredObject
    let client: S3Client
    let bucket: String
    let prefix: String
    let pageSize: Int

    public struct AsyncIterator: AsyncIteratorProtocol {
        let listing: ObjectListing
        var buffered: [StoredObject] = []
        var nextToken: String?
        var finished = false

        public mutating func next() async throws -> StoredObject? {
            while buffered.isEmpty {
                if finished { return nil }
                let page = try await listing.client.listPage(
                    bucket: listing.bucket, prefix: listing.prefix, continuationToken: nextToken,
                    maximumKeys: listing.pageSize)
                buffered = page.objects.reversed()
                nextToken = page.nextContinuationToken
                finished = nextToken == nil
            }
            return buffered.popLast()
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(listing: self)
    }
}
