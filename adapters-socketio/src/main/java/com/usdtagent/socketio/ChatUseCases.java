package com.usdtagent.socketio;

import com.usdtagent.application.account.AuthenticateToken;
import com.usdtagent.application.chat.AcknowledgeReceipt;
import com.usdtagent.application.chat.GoOffline;
import com.usdtagent.application.chat.GoOnline;
import com.usdtagent.application.chat.LeaveRoom;
import com.usdtagent.application.chat.ListChatRooms;
import com.usdtagent.application.chat.OpenChatHistory;
import com.usdtagent.application.chat.OpenDirectRoom;
import com.usdtagent.application.chat.SendMessage;
import com.usdtagent.application.chat.ShowTyping;

/** The inbound ports behind the socket events. */
public record ChatUseCases(AuthenticateToken authenticateToken, GoOnline goOnline, GoOffline goOffline,
                           ListChatRooms listChatRooms, OpenDirectRoom openDirectRoom, OpenChatHistory openChatHistory,
                           SendMessage sendMessage, AcknowledgeReceipt acknowledgeReceipt, LeaveRoom leaveRoom,
                           ShowTyping showTyping) {
}
