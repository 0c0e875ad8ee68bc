package com.usdtagent.application.trade;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.chat.ChatRooms;
import com.usdtagent.application.chat.HistoryPage;
import com.usdtagent.application.chat.MessageView;
import com.usdtagent.application.chat.Messages;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.chat.ChatPaging;
import com.usdtagent.domain.chat.Message;
import com.usdtagent.domain.chat.ReadPointers;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import com.usdtagent.domain.trade.OrderId;
import com.usdtagent.domain.trade.TradeOrder;

import java.util.List;

final class ShowAppealConversationService implements ShowAppealConversation {

    private final Orders orders;
    private final ChatRooms rooms;
    private final Messages messages;

    ShowAppealConversationService(Orders orders, ChatRooms rooms, Messages messages) {
        this.orders = orders;
        this.rooms = rooms;
        this.messages = messages;
    }

    @Override
    public HistoryPage show(AuthenticatedUser admin, OrderId id, Long before, int limit) {
        if (admin.role() != Role.ADMIN) {
            throw new BusinessException(ErrorCode.FORBIDDEN, "Only an admin reads the conversation of an appeal");
        }
        if (limit < 1 || limit > ChatPaging.MAX_LIMIT) {
            throw BusinessException.invalidField("limit", "must be from 1 to " + ChatPaging.MAX_LIMIT);
        }
        if (before != null && before < 1) {
            throw BusinessException.invalidField("before", "must be at least 1");
        }
        TradeOrder order = orders.findById(id)
                .orElseThrow(() -> new BusinessException(ErrorCode.NOT_FOUND, "No such order"));
        if (order.appeal() == null) {
            throw new BusinessException(ErrorCode.FORBIDDEN, "The conversation stays private unless the order is appealed");
        }
        ReadPointers buyer = rooms.pointers(order.roomId(), order.buyer());
        ReadPointers seller = rooms.pointers(order.roomId(), order.seller());
        // one extra row tells whether older messages remain
        List<Message> found = messages.before(order.roomId(), before != null ? before : Long.MAX_VALUE, limit + 1);
        boolean hasMore = found.size() > limit;
        List<Message> page = hasMore ? found.subList(1, found.size()) : found;
        List<MessageView> views = page.stream().map(message -> new MessageView(message,
                (message.senderId().equals(order.buyer()) ? seller : buyer).statusOf(message.seq()))).toList();
        return new HistoryPage(order.roomId(), views, hasMore);
    }
}
