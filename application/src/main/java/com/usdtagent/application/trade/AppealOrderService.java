package com.usdtagent.application.trade;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.attachment.Attachments;
import com.usdtagent.domain.attachment.Attachment;
import com.usdtagent.domain.attachment.AttachmentId;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import com.usdtagent.domain.trade.OrderId;
import com.usdtagent.domain.trade.TradeOrder;

import java.util.List;
import java.util.Optional;

final class AppealOrderService implements AppealOrder {

    private final OrderSteps steps;
    private final Attachments attachments;

    AppealOrderService(OrderSteps steps, Attachments attachments) {
        this.steps = steps;
        this.attachments = attachments;
    }

    @Override
    public OrderView appeal(AuthenticatedUser actor, OrderId id, String reason, List<AttachmentId> evidence) {
        return steps.take(actor, id, (order, now) -> {
            // locked, so that the collector cannot delete an unsent file while it becomes evidence
            var found = attachments.lock(evidence);
            List<Attachment> files = evidence.stream().distinct()
                    .map(file -> Optional.ofNullable(found.get(file)).orElseThrow(
                            () -> new BusinessException(ErrorCode.NOT_FOUND, "No such attachment: " + file)))
                    .toList();
            TradeOrder appealed = order.openAppeal(actor.id(), reason, files, now);
            attachments.keepAsEvidence(evidence, order.id());
            return appealed;
        });
    }
}
