import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { OrderService } from 'nestjs-wechat-nontax';
import { ApiKeyGuard } from './api-key.guard.js';
import { ClientThrottlerGuard } from './client-throttler.guard.js';
import { orderView, type OrderView } from './views.js';

@Controller('orders')
// The key first: the rate limit counts per client.
@UseGuards(ApiKeyGuard, ClientThrottlerGuard)
export class OrdersController {
  constructor(private readonly orders: OrderService) {}

  /** What WeChat holds for an order: fee, status, refunds. */
  @Get(':order_id')
  async order(@Param('order_id') orderId: string): Promise<OrderView> {
    return orderView(await this.orders.getOrder(orderId));
  }
}
