package org.kehou.bot.pickup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.kehou.bot.binding.BoundParentHandler;
import org.kehou.bot.wechat.Commands;
import org.kehou.bot.wechat.Replies;
import org.kehou.core.binding.WechatBinding;
import org.kehou.core.binding.WechatBindingService;
import org.kehou.core.pickup.PickupAdult;
import org.kehou.core.pickup.PickupAdults;
import org.kehou.core.pickup.PickupRefused;
import org.springframework.stereotype.Component;

/**
 * {@code 接送人}: the current child's authorised adults; {@code 接送人 添加 姓名 关系 手机号} adds one,
 * {@code 接送人 删除 序号} removes one of those a guardian added (the roster's guardians are changed by the school).
 */
@Component
public class PickupHandler extends BoundParentHandler {

  private final Commands commands;
  private final PickupAdults pickup;

  PickupHandler(WechatBindingService bindings, Replies replies, Commands commands, PickupAdults pickup) {
    super(bindings, replies);
    this.commands = commands;
    this.pickup = pickup;
  }

  @Override
  protected WxMpXmlOutMessage handle(WxMpXmlMessage message, WechatBinding binding) {
    String child = replies.child(binding.current());
    long studentId = binding.current().studentId();
    String argument = commands.argument("pickup", message.getContent());
    String add = commands.word("pickup.add");
    String remove = commands.word("pickup.remove");
    try {
      if (argument.isEmpty()) {
        return list(message, child, studentId);
      }
      if (argument.startsWith(add)) {
        PickupAdult added = pickup.add(binding.guardianId(), studentId, argument.substring(add.length()));
        return replies.text(message, "pickup.added", Map.of("child", child, "name", added.name(),
            "relation", added.relation(), "phone", masked(added.phone())));
      }
      String number = argument.startsWith(remove) ? argument.substring(remove.length()).strip() : "";
      if (number.matches("\\d{1,3}")) {
        PickupAdult gone = pickup.remove(binding.guardianId(), studentId, Integer.parseInt(number));
        return replies.text(message, "pickup.removed", Map.of("child", child, "name", gone.name(),
            "relation", gone.relation()));
      }
      return replies.text(message, "pickup.unclear", Map.of("child", child));
    } catch (PickupRefused e) {
      Map<String, Object> values = new HashMap<>(e.values());
      values.put("child", child);
      return replies.text(message, e.textKey(), values);
    }
  }

  private WxMpXmlOutMessage list(WxMpXmlMessage message, String child, long studentId) {
    List<String> guardians = new ArrayList<>();
    List<String> added = new ArrayList<>();
    for (PickupAdult adult : pickup.authorised(studentId)) {
      if (adult.guardian()) {
        guardians.add(replies.message("pickup.list.guardian",
            Map.of("name", adult.name(), "relation", adult.relation())));
      } else {
        added.add(replies.message("pickup.list.added.line", Map.of("n", added.size() + 1, "name", adult.name(),
            "relation", adult.relation(), "phone", masked(adult.phone()), "by", adult.addedByName())));
      }
    }
    String others = added.isEmpty() ? replies.message("pickup.list.added.none", Map.of())
        : replies.message("pickup.list.added.title", Map.of()) + "\n" + String.join("\n", added);
    return replies.text(message, "pickup.list", Map.of("child", child, "guardians", String.join("\n", guardians),
        "added", others));
  }

  /** Enough for a family to recognise the number; the whole number is for staff at the gate. */
  static String masked(String phone) {
    return phone.length() < 7 ? phone : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
  }
}
